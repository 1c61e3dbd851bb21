package dev.parley.channel.alexa;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The certificate that signed an Alexa request: the chain is downloaded once per URL and kept while it chains to a
 * trusted root; on every request the signing certificate (the first in the chain) must be within its validity
 * dates and name {@code echo-api.amazon.com} among its subject alternative names.
 */
@Singleton
class SigningCertificates {

    static final String ALEXA_DOMAIN = "echo-api.amazon.com";
    private static final Logger LOG = LoggerFactory.getLogger(SigningCertificates.class);
    /** Amazon uses a handful of URLs at a time; a full cache is cleared rather than grown without bound. */
    private static final int MAX_CACHED = 32;
    private static final int SAN_DNS = 2;

    private final CertificateChainFetcher fetcher;
    private final TrustedRoots roots;
    private final Map<URI, List<X509Certificate>> trustedChains = new ConcurrentHashMap<>();

    SigningCertificates(CertificateChainFetcher fetcher, TrustedRoots roots) {
        this.fetcher = fetcher;
        this.roots = roots;
    }

    /** The signing certificate of the chain at {@code url}, checked for {@code now}; else an AlexaRejection. */
    X509Certificate signingCertificate(URI url, Instant now) {
        List<X509Certificate> chain = trustedChains.get(url);
        if (chain == null) {
            chain = download(url, now);
            if (trustedChains.size() >= MAX_CACHED) {
                trustedChains.clear();
            }
            trustedChains.put(url, chain);
        }
        X509Certificate signing = chain.get(0);
        try {
            signing.checkValidity(Date.from(now));
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw new AlexaRejection("invalid_certificate", "the signing certificate is not valid at this time");
        }
        if (!namesAlexa(signing)) {
            throw new AlexaRejection("invalid_certificate", "the signing certificate is not issued to "
                    + ALEXA_DOMAIN);
        }
        return signing;
    }

    private List<X509Certificate> download(URI url, Instant now) {
        byte[] pem;
        try {
            pem = fetcher.fetch(url);
        } catch (IOException e) {
            LOG.warn("Could not download the Alexa certificate chain: {}", e.getMessage());
            throw new AlexaRejection("certificate_unavailable", "the signing certificate chain could not be"
                    + " downloaded");
        }
        List<X509Certificate> chain = parse(pem);
        verifyChain(chain, now);
        return List.copyOf(chain);
    }

    private static List<X509Certificate> parse(byte[] pem) {
        try {
            Collection<? extends java.security.cert.Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem));
            List<X509Certificate> chain = new ArrayList<>();
            for (java.security.cert.Certificate certificate : certificates) {
                chain.add((X509Certificate) certificate);
            }
            if (chain.isEmpty()) {
                throw new AlexaRejection("invalid_certificate", "the certificate chain is empty");
            }
            return chain;
        } catch (GeneralSecurityException e) {
            throw new AlexaRejection("invalid_certificate", "the certificate chain is not valid PEM");
        }
    }

    /** PKIX path validation from the signing certificate to one of the trusted roots (no revocation lookups). */
    private void verifyChain(List<X509Certificate> chain, Instant now) {
        Set<TrustAnchor> anchors = roots.anchors();
        // the path ends below the root: a root shipped inside the chain proves nothing by itself
        List<X509Certificate> path = chain.stream()
                .filter(certificate -> anchors.stream().noneMatch(a -> certificate.equals(a.getTrustedCert())))
                .toList();
        if (path.isEmpty() || path.get(0) != chain.get(0)) {
            throw new AlexaRejection("invalid_certificate", "the signing certificate cannot be a trusted root");
        }
        try {
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(now));
            CertPathValidator.getInstance("PKIX").validate(
                    CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
        } catch (GeneralSecurityException e) {
            throw new AlexaRejection("invalid_certificate", "the certificate chain does not lead to a trusted root");
        }
    }

    private static boolean namesAlexa(X509Certificate certificate) {
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            return names != null && names.stream().anyMatch(name -> name.size() == 2
                    && Integer.valueOf(SAN_DNS).equals(name.get(0)) && ALEXA_DOMAIN.equals(name.get(1)));
        } catch (CertificateParsingException e) {
            return false;
        }
    }
}
