package org.cusax.media.sdp;

/** The {@code o=} line (RFC 4566 §5.2). Session id and version are kept as the digit strings sent. */
public record Origin(String username, String sessionId, String sessionVersion, String address) {
    public Origin {
        if (username == null || username.isEmpty() || username.matches(".*\\s.*")) {
            throw new IllegalArgumentException("bad o= username '" + username + "'");
        }
        if (sessionId == null || !sessionId.matches("[0-9]{1,40}")) {
            throw new IllegalArgumentException("o= session id must be digits, got '" + sessionId + "'");
        }
        if (sessionVersion == null || !sessionVersion.matches("[0-9]{1,40}")) {
            throw new IllegalArgumentException("o= session version must be digits, got '" + sessionVersion + "'");
        }
        if (address == null || address.isEmpty() || address.matches(".*\\s.*")) {
            throw new IllegalArgumentException("bad o= address '" + address + "'");
        }
    }
}
