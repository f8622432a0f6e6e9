package dev.wsjs.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/**
 * Trusts extra CA certificates (PEM files) in addition to the JDK's defaults, for one client only
 * (e.g. a WPT checkout's test CA); nothing is installed system-wide and verification stays on.
 */
public final class TrustedCertificates {

    private TrustedCertificates() {}

    /** Returns {@code base} rebuilt to trust the JDK's CAs plus every certificate in {@code pemFiles}. */
    public static OkHttpClient trustAlso(OkHttpClient base, List<Path> pemFiles) {
        if (pemFiles.isEmpty()) return base;
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int n = 0;
            for (X509Certificate ca : defaultTrustManager().getAcceptedIssuers()) {
                store.setCertificateEntry("jdk-" + n++, ca);
            }
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (Path pem : pemFiles) {
                try (InputStream in = Files.newInputStream(pem)) {
                    for (Certificate cert : factory.generateCertificates(in)) {
                        store.setCertificateEntry("extra-" + n++, cert);
                    }
                }
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            X509TrustManager tm = x509(tmf.getTrustManagers());
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, new TrustManager[] {tm}, null);
            return base.newBuilder().sslSocketFactory(ssl.getSocketFactory(), tm).build();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot load trusted certificates " + pemFiles + ": " + e.getMessage(), e);
        }
    }

    private static X509TrustManager defaultTrustManager() throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init((KeyStore) null);
        return x509(tmf.getTrustManagers());
    }

    private static X509TrustManager x509(TrustManager[] managers) {
        for (TrustManager m : managers) {
            if (m instanceof X509TrustManager x) return x;
        }
        throw new IllegalStateException("no X509TrustManager available");
    }
}
