package org.cusax.provisioning.server;

/**
 * The provisioning wire contract v1 shared by server and client: paths, form fields, the header and the
 * keys a provisioning document adds to the cusax.conf format.
 */
public final class ProvisioningKeys {
    /** The cusax endpoint: form POST of {@link #USERNAME}, {@link #PASSWORD} and optional {@link #VERSION}. */
    public static final String PATH = "/cusax/v1/provisioning";
    /** Jitsi Desktop's endpoint: form POST of username and password, Java properties answered. */
    public static final String JITSI_PATH = "/jitsi/provisioning";
    public static final String USERNAME = "username";
    public static final String PASSWORD = "password";
    public static final String VERSION = "version";
    public static final String VERSION_HEADER = "Cusax-Provisioning-Version";

    /** Opaque; changes whenever the user's document changes. */
    public static final String KEY_VERSION = "provisioning.version";
    /** The URL the document was fetched from. */
    public static final String KEY_URL = "provisioning.url";
    /** RFC 7081 §2: connect Chat only once Telephony is registered. */
    public static final String KEY_CHAT_AFTER_TELEPHONY = "service.policy.chat-after-telephony";
    /** RFC 7081 §2: stay disconnected unless both halves connect. */
    public static final String KEY_ALL_OR_NOTHING = "service.policy.all-or-nothing";

    private ProvisioningKeys() {
    }
}
