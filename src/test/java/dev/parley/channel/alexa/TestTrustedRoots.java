package dev.parley.channel.alexa;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.security.cert.TrustAnchor;
import java.util.Set;

/** Test sources only: the generated test root is the one trusted root, in place of the JDK's. */
@Singleton
@Requires(env = "test")
@Replaces(JdkTrustedRoots.class)
class TestTrustedRoots implements TrustedRoots {

    @Override
    public Set<TrustAnchor> anchors() {
        return Set.of(new TrustAnchor(TestCertificates.get().root, null));
    }
}
