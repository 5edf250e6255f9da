package org.cusax.xmpp.chat;

import org.cusax.core.contact.DisplayText;
import org.jivesoftware.smack.packet.StanzaError;

/**
 * Turns a message error reply (RFC 6120 §8.3) into a sentence for the user. The server's descriptive
 * {@code <text/>} is the remote server's words: it is shown on one line without control characters or bidi
 * overrides ({@link DisplayText#oneLine}) and cut at {@value #MAX_TEXT} characters.
 */
final class DeliveryErrors {
    /** Most characters of the server's descriptive text kept. */
    static final int MAX_TEXT = 200;

    private DeliveryErrors() {
    }

    static String describe(StanzaError error) {
        if (error == null) {
            return "the server returned an error without details";
        }
        StanzaError.Condition c = error.getCondition();
        String sentence;
        switch (c) {
            case item_not_found, recipient_unavailable ->
                    sentence = "the recipient does not exist or cannot receive messages";
            case service_unavailable -> sentence = "the recipient's server does not accept this message";
            case remote_server_not_found, remote_server_timeout ->
                    sentence = "the recipient's server cannot be reached";
            case not_allowed, forbidden, not_authorized -> sentence = "the server does not allow this message";
            case policy_violation -> sentence = "the message violates the server's policy";
            case resource_constraint -> sentence = "the server is overloaded";
            case jid_malformed -> sentence = "the recipient's address is not valid";
            default -> sentence = "the server refused the message";
        }
        String text = DisplayText.oneLine(error.getDescriptiveText());
        if (text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT) + "…";
        }
        return sentence + " (" + c + (text == null || text.isBlank() ? "" : ": " + text) + ")";
    }
}
