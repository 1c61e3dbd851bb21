package dev.parley.channel.alexa;

import jakarta.inject.Singleton;

import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.HashSet;
import java.util.Set;

/** The JDK's default trust store (cacerts), which holds the public roots Amazon's signing chains lead to. */
@Singleton
class JdkTrustedRoots implements TrustedRoots {

    private final Set<TrustAnchor> anchors;

    JdkTrustedRoots() {
        TrustManager[] managers;
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            managers = factory.getTrustManagers();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's trust store cannot be read", e);
        }
        Set<TrustAnchor> found = new HashSet<>();
        for (TrustManager manager : managers) {
            if (manager instanceof X509TrustManager x509) {
                for (X509Certificate root : x509.getAcceptedIssuers()) {
                    found.add(new TrustAnchor(root, null));
                }
            }
        }
        this.anchors = Set.copyOf(found);
    }

    @Override
    public Set<TrustAnchor> anchors() {
        return anchors;
    }
}
