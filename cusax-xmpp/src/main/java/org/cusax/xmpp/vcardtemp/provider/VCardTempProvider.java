package org.cusax.xmpp.vcardtemp.provider;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.cusax.core.contact.Avatar;

import org.cusax.xmpp.vcardtemp.element.VCardTel;
import org.cusax.xmpp.vcardtemp.element.VCardTempIq;
import org.cusax.xmpp.xml.InPlaceXml;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.IQProvider;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code <vCard xmlns='vcard-temp'>} keeping every {@code <TEL>} with all its type flags (XEP-0054
 * §3.1), unlike Smack's {@code VCardProvider}, which keeps one number per (home/work × type) and turns a
 * TEL without type into work/voice. Element names are matched case-insensitively. A TEL without a
 * non-empty NUMBER is skipped; content it cannot read yields {@link VCardTempIq#malformed()}: this provider
 * never throws on content.
 */
public final class VCardTempProvider extends IQProvider<VCardTempIq> {
    public static final VCardTempProvider INSTANCE = new VCardTempProvider();
    private static final Logger LOG = LoggerFactory.getLogger(VCardTempProvider.class);

    @Override
    public VCardTempIq parse(XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment)
            throws XmlPullParserException, IOException {
        return InPlaceXml.read(parser, VCardTempProvider::readVCard, e -> {
            LOG.debug("unreadable vCard: {}", e.toString());
            return VCardTempIq.unreadable();
        });
    }

    private static VCardTempIq readVCard(XmlPullParser p) throws XmlPullParserException, IOException {
        int depth = p.getDepth();
        List<VCardTel> tels = new ArrayList<>();
        boolean truncated = false;
        Optional<String> photo = Optional.of("");
        byte[][] photoData = new byte[1][];
        while (InPlaceXml.nextChild(p, depth)) {
            switch (InPlaceXml.upperName(p)) {
                case "TEL" -> {
                    Optional<VCardTel> tel = readTel(p);
                    if (tel.isPresent()) {
                        if (tels.size() < VCardTempIq.MAX_TELS) {
                            tels.add(tel.get());
                        } else {
                            truncated = true;
                        }
                    }
                }
                case "PHOTO" -> photo = readPhoto(p, photoData);
                default -> InPlaceXml.skip(p);
            }
        }
        if (truncated) {
            LOG.debug("a vCard has more than {} TELs; the first ones are kept", VCardTempIq.MAX_TELS);
            return VCardTempIq.truncated(tels, photo).withPhotoData(photoData[0]);
        }
        return new VCardTempIq(tels, photo).withPhotoData(photoData[0]);
    }

    private static Optional<VCardTel> readTel(XmlPullParser p) throws XmlPullParserException, IOException {
        int depth = p.getDepth();
        List<String> types = new ArrayList<>();
        String number = null;
        while (InPlaceXml.nextChild(p, depth)) {
            String name = InPlaceXml.upperName(p);
            if (name.equals("NUMBER")) {
                String text = InPlaceXml.text(p);
                if (number == null && !text.isBlank()) {
                    number = text;
                }
            } else {
                if (VCardTel.isType(name)) {
                    types.add(name);
                }
                InPlaceXml.skip(p);
            }
        }
        if (number == null || number.strip().length() > VCardTel.MAX_NUMBER_LENGTH) {
            return Optional.empty();
        }
        return Optional.of(new VCardTel(types, number));
    }

    /**
     * XEP-0153 §4.3: the hash is the SHA-1 of the image data (BINVAL, base64-decoded). The decoded bytes go to
     * {@code data[0]} when at most {@link Avatar#MAX_BYTES} (the picture's type is checked by the core).
     */
    private static Optional<String> readPhoto(XmlPullParser p, byte[][] data) throws XmlPullParserException, IOException {
        int depth = p.getDepth();
        String binval = null;
        boolean external = false;
        while (InPlaceXml.nextChild(p, depth)) {
            switch (InPlaceXml.upperName(p)) {
                case "BINVAL" -> binval = InPlaceXml.text(p);
                case "EXTVAL" -> {
                    external = true;
                    InPlaceXml.skip(p);
                }
                default -> InPlaceXml.skip(p);
            }
        }
        if (binval == null || binval.isBlank()) {
            return external ? Optional.empty() : Optional.of("");
        }
        try {
            byte[] image = Base64.getDecoder().decode(binval.replaceAll("\\s", "").getBytes(StandardCharsets.US_ASCII));
            data[0] = image.length <= Avatar.MAX_BYTES ? image : null;
            return Optional.of(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(image)));
        } catch (IllegalArgumentException | NoSuchAlgorithmException e) {
            return Optional.empty();
        }
    }
}
