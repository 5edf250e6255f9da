package org.cusax.xmpp.roster;

import java.util.Optional;

import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.roster.packet.RosterPacket;
import org.jivesoftware.smack.util.XmlStringBuilder;

/**
 * Put by {@link CappedRosterProvider} on a parsed roster result it cut: how many items it kept and how many it
 * skipped. Local only: it never comes from or goes to the network.
 */
public final class RosterSkipped implements ExtensionElement {
    public static final String ELEMENT = "skipped";
    public static final String NAMESPACE = "urn:cusax:local:roster-skipped";

    private final int kept;
    private final int skipped;

    RosterSkipped(int kept, int skipped) {
        this.kept = kept;
        this.skipped = skipped;
    }

    /** The note on {@code packet}, if our provider skipped items of it. */
    public static Optional<RosterSkipped> of(RosterPacket packet) {
        return Optional.ofNullable(packet.getExtension(RosterSkipped.class));
    }

    /** Items the parsed result holds. */
    public int kept() {
        return kept;
    }

    /** Items of the server's result that were skipped unparsed or dropped after parsing. */
    public int skipped() {
        return skipped;
    }

    @Override
    public String getElementName() {
        return ELEMENT;
    }

    @Override
    public String getNamespace() {
        return NAMESPACE;
    }

    @Override
    public CharSequence toXML(XmlEnvironment enclosingNamespace) {
        return new XmlStringBuilder(this, enclosingNamespace).attribute("kept", kept).attribute("skipped", skipped)
                .closeEmptyElement();
    }
}
