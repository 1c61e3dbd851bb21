package dev.parley.channel.alexa;

import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Fetches the chain over HTTPS with a short timeout and a size cap (a chain is a few kilobytes). */
@Singleton
class HttpsCertificateChainFetcher implements CertificateChainFetcher {

    private static final int MAX_BYTES = 64 * 1024;

    private final Duration timeout;
    private final HttpClient client;

    HttpsCertificateChainFetcher(AlexaSettings settings) {
        this.timeout = Duration.ofSeconds(settings.certificateFetchSeconds());
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public byte[] fetch(URI url) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).GET().build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IOException("certificate chain download answered " + response.statusCode());
                }
                byte[] bytes = body.readNBytes(MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) {
                    throw new IOException("certificate chain larger than " + MAX_BYTES + " bytes");
                }
                return bytes;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while downloading the certificate chain", e);
        }
    }
}
