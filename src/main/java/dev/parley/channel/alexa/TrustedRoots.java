package dev.parley.channel.alexa;

import java.security.cert.TrustAnchor;
import java.util.Set;

/** The root certificates an Alexa signing chain must lead to. Production: the JDK's; tests replace the bean. */
public interface TrustedRoots {

    Set<TrustAnchor> anchors();
}
