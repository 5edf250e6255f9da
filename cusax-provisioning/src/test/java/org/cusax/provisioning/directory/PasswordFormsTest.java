package org.cusax.provisioning.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

/** The stored forms of a password against the RFCs' own examples. */
class PasswordFormsTest {

    /** RFC 5802 §5: the server verifies the example's ClientProof with StoredKey and signs with ServerKey. */
    @Test
    void scramSha1MatchesRfc5802Example() throws Exception {
        ScramCredential k = ScramCredential.derive("SCRAM-SHA-1", "pencil".toCharArray(),
                Base64.getDecoder().decode("QSXCR+Q6sek8bf92"), 4096);
        String auth = "n=user,r=fyko+d2lbbFgONRv9qkxdawL,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,"
                + "s=QSXCR+Q6sek8bf92,i=4096,c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j";
        assertVerifies(k, "HmacSHA1", "SHA-1", auth, "v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=", "rmF9pqV8S7suAoZWja4dJRkFsKQ=");
    }

    /** RFC 7677 §3: the same for SCRAM-SHA-256. */
    @Test
    void scramSha256MatchesRfc7677Example() throws Exception {
        ScramCredential k = ScramCredential.derive("SCRAM-SHA-256", "pencil".toCharArray(),
                Base64.getDecoder().decode("W22ZaJ0SNY7soEsUEjb6gQ=="), 4096);
        String auth = "n=user,r=rOprNGfwEbeRWgbNEkqO,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                + "s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096,c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
        assertVerifies(k, "HmacSHA256", "SHA-256", auth, "dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=",
                "6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=");
    }

    /** RFC 7616 §3.9.1: the example's responses computed from our HA1 (MD5 and SHA-256). */
    @Test
    void digestHa1GivesRfc7616ExampleResponses() throws Exception {
        char[] password = "Circle of Life".toCharArray();
        String tail = ":7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v:00000001:"
                + "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ:auth:";
        String md5 = DigestHa1.of("MD5", "Mufasa", "http-auth@example.org", password);
        assertThat(hex("MD5", md5 + tail + hex("MD5", "GET:/dir/index.html")))
                .isEqualTo("8ca523f5e9506fed4657c9700eebdbec");
        String sha = DigestHa1.of("SHA-256", "Mufasa", "http-auth@example.org", password);
        assertThat(hex("SHA-256", sha + tail + hex("SHA-256", "GET:/dir/index.html")))
                .isEqualTo("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1");
    }

    @Test
    void provisioningHashIsSlowSaltedAndChecksOnlyThePassword() {
        PasswordHash h = PasswordHash.derive("s3cret".toCharArray(), new byte[16], PasswordHash.MIN_ITERATIONS);
        assertThat(h.iterations()).isGreaterThanOrEqualTo(210_000);
        assertThat(h.matches("s3cret".toCharArray())).isTrue();
        assertThat(h.matches("s3cret ".toCharArray())).isFalse();
        assertThat(h.hash()).doesNotContain("s3cret");
    }

    @Test
    void oneDeriveGivesEveryFormWithItsOwnSalt() {
        DirectoryUser alice = new DirectoryUser(new UserId("alice", "example.test"), "Alice", "sip:alice@example.test",
                List.of(), true, 1);
        StoredCredentials k = StoredCredentials.derive(alice, "pw".toCharArray(), StoredCredentials.WorkFactors.DEFAULT,
                new SecureRandom());
        assertThat(k.sipRealm()).isEqualTo("example.test");
        assertThat(k.ha1Md5()).isEqualTo(DigestHa1.of("MD5", "alice", "example.test", "pw".toCharArray()));
        assertThat(k.ha1Sha256()).hasSize(64);
        assertThat(List.of(k.provisioning().salt(), k.scramSha1().salt(), k.scramSha256().salt())).doesNotHaveDuplicates();
        assertThat(k.toString()).doesNotContain(k.ha1Md5());
    }

    private static void assertVerifies(ScramCredential k, String hmac, String hash, String authMessage, String proof,
            String serverSignature) throws Exception {
        byte[] storedKey = Base64.getDecoder().decode(k.storedKey());
        byte[] clientSignature = hmac(hmac, storedKey, authMessage);
        byte[] clientKey = Base64.getDecoder().decode(proof);
        for (int i = 0; i < clientKey.length; i++) {
            clientKey[i] ^= clientSignature[i];
        }
        assertThat(MessageDigest.getInstance(hash).digest(clientKey)).isEqualTo(storedKey);
        assertThat(Base64.getEncoder().encodeToString(hmac(hmac, Base64.getDecoder().decode(k.serverKey()), authMessage)))
                .isEqualTo(serverSignature);
    }

    private static byte[] hmac(String algorithm, byte[] key, String data) throws Exception {
        Mac mac = Mac.getInstance(algorithm);
        mac.init(new SecretKeySpec(key, algorithm));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    private static String hex(String algorithm, String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
