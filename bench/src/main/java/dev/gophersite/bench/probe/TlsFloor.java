package dev.gophersite.bench.probe;

import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The floor for any function that talks HTTPS: an empty JVM plus the TLS setup every HTTPS client does once
 * (the JDK trust store loaded, an SSL context initialised), which the SDK's HTTP client does when it is built.
 */
public final class TlsFloor {
    private TlsFloor() {}

    public static void main(String[] args) throws Exception {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init((KeyStore) null);
        SSLContext.getInstance("TLS").init(null, trust.getTrustManagers(), null);
        System.out.println("ready");
    }
}
