package dev.parley.channel.alexa;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Test sources: serves the chains of {@link TestCertificates} by URL instead of downloading; counts fetches. */
@Singleton
@Requires(env = "test")
@Replaces(HttpsCertificateChainFetcher.class)
class TestChainFetcher implements CertificateChainFetcher {

    final Map<String, AtomicInteger> fetches = new ConcurrentHashMap<>();

    @Override
    public byte[] fetch(URI url) throws IOException {
        fetches.computeIfAbsent(url.toString(), u -> new AtomicInteger()).incrementAndGet();
        byte[] pem = TestCertificates.get().published.get(url.toString());
        if (pem == null) {
            throw new IOException("404 for " + url);
        }
        return pem;
    }

    int fetchesOf(String url) {
        AtomicInteger count = fetches.get(url);
        return count == null ? 0 : count.get();
    }
}
