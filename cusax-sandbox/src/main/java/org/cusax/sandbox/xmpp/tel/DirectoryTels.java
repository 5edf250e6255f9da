package org.cusax.sandbox.xmpp.tel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.vysper.xml.fragment.XMLElement;
import org.apache.vysper.xml.fragment.XMLElementBuilder;
import org.apache.vysper.xml.fragment.XMLFragment;
import org.cusax.provisioning.directory.PhoneNumber;

/**
 * A user's directory numbers as the TEL fields of a vCard, the same mapping as deploy/prosody's
 * mod_cusax_vcard_tel: vcard-temp (XEP-0054) mobile {@code <CELL/>}, work {@code <WORK/><VOICE/>}, home
 * {@code <HOME/><VOICE/>}, video {@code <VIDEO/>}, other {@code <VOICE/>}; vCard4 (RFC 6350 §6.4.1, xCard
 * of RFC 6351) the same TYPE values in lower case and an RFC 3966 {@code tel:} URI: global numbers
 * without visual separators, local ones with the domain as {@code phone-context}.
 */
public final class DirectoryTels {
    /** The vcard-temp namespace (XEP-0054). */
    public static final String VCARD_TEMP_NS = "vcard-temp";
    /** The xCard namespace of a vCard4 (RFC 6351). */
    public static final String VCARD4_NS = "urn:ietf:params:xml:ns:vcard-4.0";
    private static final Map<String, List<String>> TYPES = Map.of("mobile", List.of("CELL"),
            "work", List.of("WORK", "VOICE"), "home", List.of("HOME", "VOICE"), "video", List.of("VIDEO"),
            "other", List.of("VOICE"));

    private DirectoryTels() {
    }

    /** {@code card} with every child {@code isTel} accepts replaced by {@code tels} (appended last). */
    public static XMLElement withTels(XMLElement card, Predicate<XMLElement> isTel, List<XMLElement> tels) {
        List<XMLFragment> children = new ArrayList<>();
        for (XMLFragment f : card.getInnerFragments()) {
            if (!(f instanceof XMLElement e && isTel.test(e))) {
                children.add(f);
            }
        }
        children.addAll(tels);
        return new XMLElement(card.getNamespaceURI(), card.getName(), card.getNamespacePrefix(),
                card.getAttributes(), children);
    }

    /** Whether {@code e} is a vcard-temp {@code <TEL/>}. */
    public static boolean isVcardTempTel(XMLElement e) {
        return "TEL".equals(e.getName()) && VCARD_TEMP_NS.equals(e.getNamespaceURI());
    }

    /** Whether {@code e} is a vCard4 {@code <tel/>}. */
    public static boolean isVcard4Tel(XMLElement e) {
        return "tel".equals(e.getName()) && VCARD4_NS.equals(e.getNamespaceURI());
    }

    /** The vcard-temp {@code <TEL/>} elements of {@code numbers}, in order. */
    public static List<XMLElement> vcardTemp(List<PhoneNumber> numbers) {
        List<XMLElement> tels = new ArrayList<>();
        for (PhoneNumber n : numbers) {
            XMLElementBuilder tel = new XMLElementBuilder("TEL", VCARD_TEMP_NS);
            for (String type : types(n)) {
                tel.startInnerElement(type, VCARD_TEMP_NS).endInnerElement();
            }
            tels.add(tel.startInnerElement("NUMBER", VCARD_TEMP_NS).addText(n.number()).endInnerElement().build());
        }
        return tels;
    }

    /** The vCard4 {@code <tel/>} elements of {@code numbers}, in order; local numbers are in {@code domain}. */
    public static List<XMLElement> vcard4(List<PhoneNumber> numbers, String domain) {
        List<XMLElement> tels = new ArrayList<>();
        for (PhoneNumber n : numbers) {
            XMLElementBuilder tel = new XMLElementBuilder("tel", VCARD4_NS);
            tel.startInnerElement("parameters", VCARD4_NS).startInnerElement("type", VCARD4_NS);
            for (String type : types(n)) {
                tel.startInnerElement("text", VCARD4_NS).addText(type.toLowerCase(java.util.Locale.ROOT))
                        .endInnerElement();
            }
            tel.endInnerElement().endInnerElement();
            tels.add(tel.startInnerElement("uri", VCARD4_NS).addText(telUri(n.number(), domain)).endInnerElement()
                    .build());
        }
        return tels;
    }

    /** RFC 3966 §5.1: {@code tel:+33612345678}, or {@code tel:0123456789;phone-context=DOMAIN} for a local number. */
    static String telUri(String number, String domain) {
        String digits = number.replaceAll("[^0-9+*#]", "");
        return digits.startsWith("+") ? "tel:" + digits : "tel:" + digits + ";phone-context=" + domain;
    }

    private static List<String> types(PhoneNumber n) {
        return TYPES.getOrDefault(n.label(), TYPES.get("other"));
    }
}
