package org.cusax.sandbox.xmpp.sasl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The server side of SCRAM-SHA-1 against RFC 5802 §5's example exchange, and its refusals. */
class ScramServerExchangeTest {
    private static final byte[] SALT = Base64.getDecoder().decode("QSXCR+Q6sek8bf92");
    private static final ScramCredentials USER = ScramCredentials.derive("pencil", SALT, 4096);
    private static final String CLIENT_FIRST = "n,,n=user,r=fyko+d2lbbFgONRv9qkxdawL";
    private static final String NONCE = "fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j";
    private static final String CLIENT_FINAL = "c=biws,r=" + NONCE + ",p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=";

    private static ScramServerExchange exchange() {
        return new ScramServerExchange(name -> Optional.ofNullable(Map.of("user", USER).get(name)), "3rfcNHYJY1ZVvWVs7j");
    }

    @Test
    @DisplayName("RFC 5802 §5: the example's server-first and server-final messages, byte for byte")
    void rfc5802ExampleExchange() throws Exception {
        ScramServerExchange x = exchange();
        assertThat(x.challenge(CLIENT_FIRST)).isEqualTo("r=" + NONCE + ",s=QSXCR+Q6sek8bf92,i=4096");
        assertThat(x.username()).contains("user");
        assertThat(x.finish(CLIENT_FINAL)).isEqualTo("v=rmF9pqV8S7suAoZWja4dJRkFsKQ=");
    }

    @Test
    @DisplayName("RFC 5802 §3: a password is checked against the stored key without keeping the password")
    void credentialsMatchOnlyTheirPassword() {
        assertThat(USER.matches("pencil")).isTrue();
        assertThat(USER.matches("pencil ")).isFalse();
        assertThat(USER.toString()).doesNotContain("pencil");
    }

    @Test
    @DisplayName("RFC 5802 §5.1: a wrong proof is refused with invalid-proof")
    void wrongProofIsRefused() throws Exception {
        ScramServerExchange x = exchange();
        x.challenge(CLIENT_FIRST);
        assertThatThrownBy(() -> x.finish("c=biws,r=" + NONCE + ",p=AAAAAAAAAAAAAAAAAAAAAAAAAAA="))
                .isInstanceOfSatisfying(ScramException.class, e -> assertThat(e.serverError()).isEqualTo("invalid-proof"));
    }

    @Test
    @DisplayName("an unknown user gets a challenge and fails at the proof, like a wrong password")
    void unknownUserFailsAtTheProof() throws Exception {
        ScramServerExchange x = exchange();
        String serverFirst = x.challenge("n,,n=nobody,r=abc");
        assertThat(serverFirst).startsWith("r=abc3rfcNHYJY1ZVvWVs7j,s=").endsWith(",i=4096");
        assertThatThrownBy(() -> x.finish("c=biws,r=abc3rfcNHYJY1ZVvWVs7j,p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts="))
                .isInstanceOfSatisfying(ScramException.class, e -> assertThat(e.serverError()).isEqualTo("invalid-proof"));
    }

    @Test
    @DisplayName("RFC 5802 §6: channel binding is refused (no -PLUS), a changed nonce or binding echo too")
    void bindingAndNonceChecks() throws Exception {
        assertThatThrownBy(() -> exchange().challenge("p=tls-unique,,n=user,r=abc"))
                .isInstanceOfSatisfying(ScramException.class,
                        e -> assertThat(e.serverError()).isEqualTo("channel-binding-not-supported"));
        ScramServerExchange nonce = exchange();
        nonce.challenge(CLIENT_FIRST);
        assertThatThrownBy(() -> nonce.finish("c=biws,r=fyko+other,p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts="))
                .isInstanceOf(ScramException.class);
        ScramServerExchange binding = exchange();
        binding.challenge(CLIENT_FIRST);
        assertThatThrownBy(() -> binding.finish("c=eSws,r=" + NONCE + ",p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts="))
                .isInstanceOfSatisfying(ScramException.class,
                        e -> assertThat(e.serverError()).isEqualTo("channel-bindings-dont-match"));
    }

    @Test
    @DisplayName("RFC 5802 §5.1: saslname escapes =2C and =3D, other '=' is an error; m= is refused")
    void userNamesAndExtensions() throws Exception {
        assertThat(ScramServerExchange.saslName("a=2Cb=3Dc")).isEqualTo("a,b=c");
        assertThatThrownBy(() -> ScramServerExchange.saslName("a=41")).isInstanceOf(ScramException.class);
        assertThatThrownBy(() -> exchange().challenge("n,,m=ext,n=user,r=abc"))
                .isInstanceOfSatisfying(ScramException.class,
                        e -> assertThat(e.serverError()).isEqualTo("extensions-not-supported"));
        assertThatThrownBy(() -> exchange().challenge("n,a=admin,n=user,r=abc")).isInstanceOf(ScramException.class);
        assertThat(exchange().challenge("n,a=user,n=user,r=abc")).startsWith("r=abc");
    }

    @Test
    @DisplayName("the final message is accepted once only")
    void noReplay() throws Exception {
        ScramServerExchange x = exchange();
        x.challenge(CLIENT_FIRST);
        x.finish(CLIENT_FINAL);
        assertThatThrownBy(() -> x.finish(CLIENT_FINAL)).isInstanceOf(ScramException.class);
    }
}
