package org.cusax.media.device;

/** Opens one device line when the device thread starts (so a slow sound system never holds up a call). */
@FunctionalInterface
interface LineOpener<L> {
    L open() throws DeviceUnavailableException;
}
