package dev.parley.channel.alexa;

import java.io.IOException;
import java.net.URI;

/**
 * Downloads the PEM certificate chain a {@code SignatureCertChainUrl} names. A seam so tests can serve a chain
 * they generated (the URL rules only allow Amazon's host, which tests cannot reach).
 */
public interface CertificateChainFetcher {

    byte[] fetch(URI url) throws IOException;
}
