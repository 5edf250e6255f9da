package org.cusax.sandbox.xmpp.sasl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;

/**
 * The server side of one SCRAM-SHA-1 authentication (RFC 5802 §5 and §7), without channel binding:
 * {@link #challenge} answers the client-first-message with the server-first-message, {@link #finish}
 * checks the client's proof and answers with the server-final-message. Pure protocol logic: no XMPP,
 * no I/O; one instance per attempt, not thread-safe.
 */
public final class ScramServerExchange {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final Function<String, Optional<ScramCredentials>> users;
    private final String serverNonce;

    private String gs2Header;
    private String clientFirstBare;
    private String serverFirst;
    private String nonce;
    private String username;
    private ScramCredentials credentials;
    private boolean knownUser;
    private boolean done;

    /**
     * @param users looks up the credentials of a SCRAM user name (already decoded from {@code =2C}/{@code =3D})
     */
    public ScramServerExchange(Function<String, Optional<ScramCredentials>> users) {
        this(users, randomNonce());
    }

    /** With a fixed server nonce: for checking RFC 5802's example exchange only. */
    ScramServerExchange(Function<String, Optional<ScramCredentials>> users, String serverNonce) {
        this.users = users;
        this.serverNonce = serverNonce;
    }

    /** The user name the client gave, once {@link #challenge} has accepted its first message. */
    public Optional<String> username() {
        return Optional.ofNullable(username);
    }

    /**
     * Answers the client-first-message (RFC 5802 §7 {@code client-first-message}).
     *
     * @throws ScramException if the message is malformed, asks for channel binding, names another
     *                        authorization identity or a mandatory extension
     */
    public String challenge(String clientFirst) throws ScramException {
        if (gs2Header != null) {
            throw new ScramException("other-error", "client-first-message sent twice");
        }
        // gs2-header = gs2-cbind-flag "," [ authzid ] ","
        int first = clientFirst.indexOf(',');
        int second = first < 0 ? -1 : clientFirst.indexOf(',', first + 1);
        if (second < 0) {
            throw new ScramException("other-error", "malformed gs2 header");
        }
        String cbind = clientFirst.substring(0, first);
        String authzid = clientFirst.substring(first + 1, second);
        if (cbind.startsWith("p=")) {
            throw new ScramException("channel-binding-not-supported", "SCRAM-SHA-1-PLUS is not offered");
        }
        if (!cbind.equals("n") && !cbind.equals("y")) {
            throw new ScramException("other-error", "malformed channel binding flag");
        }
        gs2Header = clientFirst.substring(0, second + 1);
        clientFirstBare = clientFirst.substring(second + 1);
        String[] attrs = clientFirstBare.split(",", -1);
        if (attrs[0].startsWith("m=")) {
            throw new ScramException("extensions-not-supported", "mandatory extension");
        }
        if (attrs.length < 2 || !attrs[0].startsWith("n=") || !attrs[1].startsWith("r=")) {
            throw new ScramException("other-error", "client-first-message-bare must start with n= and r=");
        }
        username = saslName(attrs[0].substring(2));
        String clientNonce = attrs[1].substring(2);
        if (username.isEmpty() || clientNonce.isEmpty() || !printable(clientNonce)) {
            throw new ScramException("other-error", "empty user name or bad client nonce");
        }
        if (!authzid.isEmpty() && !(authzid.startsWith("a=") && saslName(authzid.substring(2)).equals(username))) {
            throw new ScramException("invalid-username-encoding", "authorization identity differs from the user");
        }
        Optional<ScramCredentials> found = users.apply(username);
        knownUser = found.isPresent();
        // An unknown user gets a plausible challenge and fails at the proof, like a wrong password.
        credentials = found.orElseGet(() -> ScramCredentials.derive(randomNonce()));
        nonce = clientNonce + serverNonce;
        serverFirst = "r=" + nonce + ",s=" + B64.encodeToString(credentials.salt()) + ",i=" + credentials.iterations();
        return serverFirst;
    }

    /**
     * Checks the client-final-message and returns the server-final-message ({@code v=ServerSignature}).
     *
     * @throws ScramException on a bad channel-binding echo, nonce or proof (the user is then not authenticated)
     */
    public String finish(String clientFinal) throws ScramException {
        if (serverFirst == null || done) {
            throw new ScramException("other-error", "client-final-message out of order");
        }
        done = true;
        int proofAt = clientFinal.lastIndexOf(",p=");
        if (proofAt < 0) {
            throw new ScramException("other-error", "no proof");
        }
        String withoutProof = clientFinal.substring(0, proofAt);
        String[] attrs = withoutProof.split(",", -1);
        if (attrs.length < 2 || !attrs[0].startsWith("c=") || !attrs[1].startsWith("r=")) {
            throw new ScramException("other-error", "client-final-message must start with c= and r=");
        }
        String expectedBinding = B64.encodeToString(gs2Header.getBytes(StandardCharsets.UTF_8));
        if (!attrs[0].substring(2).equals(expectedBinding)) {
            throw new ScramException("channel-bindings-dont-match", "channel binding echo differs");
        }
        if (!attrs[1].substring(2).equals(nonce)) {
            throw new ScramException("other-error", "nonce differs");
        }
        byte[] proof;
        try {
            proof = B64D.decode(clientFinal.substring(proofAt + 3));
        } catch (IllegalArgumentException e) {
            throw new ScramException("invalid-encoding", "proof is not base64");
        }
        byte[] authMessage = (clientFirstBare + "," + serverFirst + "," + withoutProof).getBytes(StandardCharsets.UTF_8);
        byte[] storedKey = credentials.storedKey();
        byte[] clientSignature = ScramCredentials.hmac(storedKey, authMessage);
        if (proof.length != clientSignature.length) {
            throw new ScramException("invalid-proof", "proof has the wrong length");
        }
        byte[] clientKey = new byte[proof.length];
        for (int i = 0; i < proof.length; i++) {
            clientKey[i] = (byte) (proof[i] ^ clientSignature[i]);
        }
        boolean match = MessageDigest.isEqual(ScramCredentials.sha1(clientKey), storedKey);
        if (!match || !knownUser) {
            throw new ScramException("invalid-proof", "proof does not match");
        }
        byte[] serverSignature = ScramCredentials.hmac(credentials.serverKey(), authMessage);
        return "v=" + B64.encodeToString(serverSignature);
    }

    /** Decodes a saslname (RFC 5802 §5.1: "=2C" is ",", "=3D" is "=", any other "=" is an error). */
    static String saslName(String encoded) throws ScramException {
        StringBuilder out = new StringBuilder(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '=') {
                if (encoded.startsWith("=2C", i)) {
                    out.append(',');
                } else if (encoded.startsWith("=3D", i)) {
                    out.append('=');
                } else {
                    throw new ScramException("invalid-username-encoding", "bad '=' escape in user name");
                }
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean printable(String nonce) {
        return nonce.chars().allMatch(c -> c >= 0x21 && c <= 0x7e && c != ',');
    }

    private static String randomNonce() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return B64.encodeToString(bytes);
    }
}
