package dev.parley.channel.alexa;

import io.micronaut.core.annotation.Nullable;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Alexa's rules for the {@code SignatureCertChainUrl} header: scheme https and host s3.amazonaws.com (both
 * case-insensitive), path starting with {@code /echo.api/} (case-sensitive, after resolving {@code .} and
 * {@code ..}), and port 443 when one is given. Anything else could point the service at a chain of the
 * sender's choosing.
 */
final class CertificateChainUrl {

    static final String HOST = "s3.amazonaws.com";
    static final String PATH_PREFIX = "/echo.api/";

    private CertificateChainUrl() {
    }

    /** The URL to download (normalised: lower-case scheme and host, no default port), or an {@link AlexaRejection}. */
    static URI check(@Nullable String header) {
        if (header == null || header.isBlank()) {
            throw new AlexaRejection("missing_signature", "SignatureCertChainUrl header is missing");
        }
        URI url;
        try {
            url = new URI(header.trim()).normalize();
        } catch (URISyntaxException e) {
            throw invalid("is not a URL");
        }
        if (url.getScheme() == null || !url.getScheme().toLowerCase(Locale.ROOT).equals("https")) {
            throw invalid("must use https");
        }
        if (url.getHost() == null || !url.getHost().toLowerCase(Locale.ROOT).equals(HOST)) {
            throw invalid("must be on " + HOST);
        }
        if (url.getPort() != -1 && url.getPort() != 443) {
            throw invalid("must use port 443");
        }
        if (url.getRawUserInfo() != null) {
            throw invalid("must not carry user info");
        }
        String path = url.getPath();
        // the raw path too: an encoded slash ("%2F..%2F") must not smuggle a traversal past the check
        if (path == null || !path.startsWith(PATH_PREFIX) || !url.getRawPath().startsWith(PATH_PREFIX)
                || url.getRawPath().toLowerCase(Locale.ROOT).matches(".*%(2f|5c).*")) {
            throw invalid("path must start with " + PATH_PREFIX);
        }
        // one spelling per chain, so the cache and the download see the same URL however the header wrote it
        return URI.create("https://" + HOST + url.getRawPath());
    }

    private static AlexaRejection invalid(String why) {
        return new AlexaRejection("invalid_certificate_url", "SignatureCertChainUrl " + why);
    }
}
