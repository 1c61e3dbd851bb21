package dev.parley.channel.alexa;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test sources: a certificate world of our own, made once per JVM. A test root CA (the only trusted root in
 * tests, see {@link TestTrustedRoots}) signs an intermediate, which signs the Alexa signing certificate
 * (SAN echo-api.amazon.com). Next to the good chain: one from an untrusted root, one without the Alexa SAN, one
 * expired. Each is published at an s3.amazonaws.com/echo.api/ URL that {@link TestChainFetcher} serves.
 */
final class TestCertificates {

    static final String GOOD_URL = "https://s3.amazonaws.com/echo.api/echo-api-cert-test.pem";
    static final String UNTRUSTED_URL = "https://s3.amazonaws.com/echo.api/untrusted.pem";
    static final String WRONG_SAN_URL = "https://s3.amazonaws.com/echo.api/wrong-san.pem";
    static final String EXPIRED_URL = "https://s3.amazonaws.com/echo.api/expired.pem";

    private static TestCertificates instance;

    final X509Certificate root;
    final KeyPair signingKeys;
    final Map<String, byte[]> published = new HashMap<>();
    private final AtomicLong serial = new AtomicLong(1);

    private TestCertificates() throws Exception {
        Instant now = Instant.now();
        Duration year = Duration.ofDays(365);
        KeyPair rootKeys = keys();
        root = certificate("CN=Parley Test Root", rootKeys, "CN=Parley Test Root", rootKeys.getPrivate(), true, null,
                now.minus(Duration.ofDays(1)), now.plus(year));
        KeyPair intermediateKeys = keys();
        X509Certificate intermediate = certificate("CN=Parley Test Intermediate", intermediateKeys,
                "CN=Parley Test Root", rootKeys.getPrivate(), true, null, now.minus(Duration.ofDays(1)), now.plus(year));
        signingKeys = keys();
        X509Certificate signing = leaf(intermediateKeys, SigningCertificates.ALEXA_DOMAIN, now.minus(Duration.ofDays(1)),
                now.plus(year));
        published.put(GOOD_URL, pem(signing, intermediate, root));

        KeyPair strangerKeys = keys();
        X509Certificate strangerRoot = certificate("CN=Stranger Root", strangerKeys, "CN=Stranger Root",
                strangerKeys.getPrivate(), true, null, now.minus(Duration.ofDays(1)), now.plus(year));
        X509Certificate strangerLeaf = certificate("CN=echo-api.amazon.com", signingKeys, "CN=Stranger Root",
                strangerKeys.getPrivate(), false, SigningCertificates.ALEXA_DOMAIN, now.minus(Duration.ofDays(1)),
                now.plus(year));
        published.put(UNTRUSTED_URL, pem(strangerLeaf, strangerRoot));
        published.put(WRONG_SAN_URL, pem(leaf(intermediateKeys, "echo-api.example.com",
                now.minus(Duration.ofDays(1)), now.plus(year)), intermediate));
        published.put(EXPIRED_URL, pem(leaf(intermediateKeys, SigningCertificates.ALEXA_DOMAIN,
                now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1))), intermediate));
    }

    static synchronized TestCertificates get() {
        if (instance == null) {
            try {
                instance = new TestCertificates();
            } catch (Exception e) {
                throw new IllegalStateException("could not generate the test certificates", e);
            }
        }
        return instance;
    }

    /** Signature-256 of a body: base64 SHA256withRSA with the Alexa signing key. */
    String sign(byte[] body) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(signingKeys.getPrivate());
            signature.update(body);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private X509Certificate leaf(KeyPair issuer, String dnsName, Instant from, Instant until) throws Exception {
        return certificate("CN=" + dnsName, signingKeys, "CN=Parley Test Intermediate", issuer.getPrivate(), false,
                dnsName, from, until);
    }

    private X509Certificate certificate(String subject, KeyPair subjectKeys, String issuer, PrivateKey issuerKey,
                                        boolean ca, String dnsName, Instant from, Instant until) throws Exception {
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name(issuer),
                BigInteger.valueOf(serial.getAndIncrement()), Date.from(from), Date.from(until), new X500Name(subject),
                subjectKeys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                : KeyUsage.digitalSignature));
        if (dnsName != null) {
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.dNSName, dnsName)));
        }
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
    }

    private static KeyPair keys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static byte[] pem(X509Certificate... chain) throws GeneralSecurityException {
        StringBuilder out = new StringBuilder();
        Base64.Encoder encoder = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        for (X509Certificate certificate : chain) {
            out.append("-----BEGIN CERTIFICATE-----\n").append(encoder.encodeToString(certificate.getEncoded()))
                    .append("\n-----END CERTIFICATE-----\n");
        }
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
