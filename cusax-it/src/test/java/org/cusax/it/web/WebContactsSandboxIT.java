package org.cusax.it.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.cusax.app.remote.DaemonConnection;
import org.cusax.core.config.ClientConfig;
import org.cusax.core.config.ClientConfigLoader;
import org.cusax.core.config.ConfigFile;
import org.cusax.it.support.Await;
import org.cusax.it.support.CliProcess;
import org.cusax.it.support.HeadlessChromium;
import org.cusax.sandbox.Sandbox;
import org.cusax.sandbox.SandboxOptions;
import org.cusax.testbed.process.ProcessHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 11, the contact side of the web client, on the sandbox in Debian's headless Chromium (390×844, then
 * 1280×800): add a contact with a group (RFC 6121 §2.3; the group becomes a section), rename it (§2.4); a second
 * user (a daemon of its own, driven by the {@code cusax contact-add} verb) asks to see our presence and the page
 * accepts it (§3.1.3–3.1.4); her vCard PHOTO shows as her picture (XEP-0153); the presence and status set in the
 * page reach her (§4.7.2); her message rewrites her item alone, the keyboard focus staying on the other contact's
 * button; the first contact is removed (§2.5); Call-Info privacy (RFC 7081 §5) is switched off in the settings
 * with the keyboard and lands in the user's config file. Nothing of it holds the password. Screenshots in
 * target/screenshots.
 */
class WebContactsSandboxIT {
    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** A 32×32 PNG (a dot on blue) for Dana's vCard PHOTO. */
    private static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAIAAAD8GO2jAAAAUElEQVR42mPQyDtBU8QwasGoBfSx4ESABi5EBQvwmE"
            + "6MHQyUGE2MNQNnAUmm47GDgVqm47Jj1IJRC0YtGLCcPCwKO3rUB3Sq0UZbFaMWEEIAuaZUjnooQlMAAAAASUVORK5CYII=";

    /**
     * Records, from now on, which contact items of the list change (by JID, once each) and how many items are
     * put into or taken out of it ({@code window.listChanges}).
     */
    private static final String WATCH_LIST = """
            const changes = { items: [], created: 0, dropped: 0 };
            window.listChanges = changes;
            const items = (nodes) => [...nodes].filter((n) => n.nodeType === 1
                && (n.matches('li.contact') || n.querySelector('li.contact'))).length;
            new MutationObserver((records) => {
              for (const r of records) {
                const at = r.target.nodeType === 1 ? r.target : r.target.parentElement;
                const li = at && at.closest('li.contact');
                if (li && !changes.items.includes(li.dataset.jid)) changes.items.push(li.dataset.jid);
                changes.created += items(r.addedNodes);
                changes.dropped += items(r.removedNodes);
              }
            }).observe(document.getElementById('contact-list'),
                { subtree: true, childList: true, attributes: true, characterData: true });
            """;

    @TempDir
    Path dir;

    @Test
    void addRenameRemoveAcceptAndShowPresenceThroughThePage() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults().withWorkDir(dir.resolve("sandbox")))) {
            String password = "pw-" + java.util.UUID.randomUUID();
            Path conf = user(sandbox, "webcontacts", password);
            Path danaConf = user(sandbox, "dana", "pw-" + java.util.UUID.randomUUID());
            String me = "webcontacts@" + sandbox.domain();
            String dana = "dana@" + sandbox.domain();
            String zoe = "zoe@" + sandbox.domain();
            try (CliProcess serve = CliProcess.start(ProcessHost.LOCAL, dir, "serve",
                    List.of("serve", "--json", "-v", "-c", conf.toString()));
                 HeadlessChromium chromium = HeadlessChromium.start(dir, 390, 844)) {
                JsonNode started = serve.await("daemon-started", STARTUP);
                ChromeDriver driver = chromium.driver();
                driver.get(started.path("signInLink").asText());
                WebDriverWait wait = chromium.waiting(WAIT);
                wait.until(ExpectedConditions.attributeToBe(By.id("badge-chat"), "data-state", "online"));

                // add, with a group: the roster push brings it back as a section of its own
                driver.findElement(By.cssSelector("#add-contact summary")).click();
                driver.findElement(By.id("add-jid")).sendKeys(zoe);
                driver.findElement(By.id("add-name")).sendKeys("Zoé Durand");
                driver.findElement(By.id("add-group")).sendKeys("Friends");
                driver.findElement(By.cssSelector("#add-form button[type=submit]")).click();
                By zoeItem = By.cssSelector("#contact-list li.group[data-group='Friends'] li.contact[data-jid='" + zoe + "']");
                wait.until(ExpectedConditions.textToBePresentInElementLocated(zoeItem, "Zoé Durand"));
                assertThat(driver.findElement(By.cssSelector("li.group[data-group='Friends'] h3")).getText()).isEqualToIgnoringCase("Friends");
                chromium.screenshot(SCREENSHOTS.resolve("contacts-groups-390.png"));

                // rename and move to another group, through the edit dialog (keyboard: Enter submits)
                driver.findElement(zoeItem).findElement(By.cssSelector("button.edit")).click();
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("edit")));
                assertThat(driver.switchTo().activeElement().getAttribute("id")).as("focus moves into the dialog")
                        .isEqualTo("edit-name");
                WebElement name = driver.findElement(By.id("edit-name"));
                name.clear();
                name.sendKeys("Zoé D.");
                WebElement groups = driver.findElement(By.id("edit-groups"));
                groups.clear();
                groups.sendKeys("Work");
                chromium.screenshot(SCREENSHOTS.resolve("contact-edit-390.png"));
                name.sendKeys(org.openqa.selenium.Keys.ENTER);
                By renamed = By.cssSelector("#contact-list li.group[data-group='Work'] li.contact[data-jid='" + zoe + "']");
                wait.until(ExpectedConditions.textToBePresentInElementLocated(renamed, "Zoé D."));
                wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("edit")));
                assertThat(driver.findElements(zoeItem)).as("no longer in Friends").isEmpty();

                // a second user asks to see our presence; the page accepts
                chromium.resize(1280, 800);
                sandbox.xmpp().setVcardTemp("dana", "<vCard xmlns='vcard-temp'><FN>Dana Scully</FN><PHOTO><TYPE>image/png</TYPE>"
                        + "<BINVAL>" + PNG + "</BINVAL></PHOTO></vCard>");
                ClientConfig danaConfig = new ClientConfigLoader(Map.of(), dir).load(ConfigFile.read(danaConf));
                // Dana's daemon is a process of its own, as a user's would be (and her CLI verb finds it)
                try (CliProcess danaServe = CliProcess.start(ProcessHost.LOCAL, dir, "serve-dana",
                        List.of("serve", "--json", "-c", danaConf.toString()))) {
                    danaServe.await("daemon-started", STARTUP);
                    DaemonConnection api = DaemonConnection.find(danaConfig).orElseThrow();
                    assertThat(api.command("status", Map.of("settleMs", 30_000)).ok()).isTrue();
                    try (CliProcess add = CliProcess.start(ProcessHost.LOCAL, dir, "contact-add", // the CLI verb, on Dana's daemon
                            List.of("contact-add", me, "--name", "Web Contacts", "--group", "Work", "-c", danaConf.toString()))) {
                        assertThat(add.awaitExit(STARTUP)).as(add.output()).isZero();
                    }

                    By request = By.cssSelector("#request-list li.request[data-jid='" + dana + "']");
                    wait.until(ExpectedConditions.visibilityOfElementLocated(request));
                    chromium.screenshot(SCREENSHOTS.resolve("subscription-request-1280.png"));
                    driver.findElement(request).findElement(By.cssSelector("button.approve")).click();
                    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("requests")));
                    // approving also asks to see Dana's presence: she is now a contact of ours
                    wait.until(ExpectedConditions.presenceOfElementLocated(
                            By.cssSelector("#contact-list li.contact[data-jid='" + dana + "']")));
                    // her vCard PHOTO (XEP-0153) as a checked data: URL
                    By picture = By.cssSelector("#contact-list li.contact[data-jid='" + dana + "'] img.avatar");
                    wait.until(ExpectedConditions.presenceOfElementLocated(picture));
                    assertThat(driver.findElement(picture).getAttribute("src")).isEqualTo("data:image/png;base64," + PNG);

                    // our presence, set in the page, as Dana's client sees it
                    new Select(driver.findElement(By.id("me-show"))).selectByValue("dnd");
                    driver.findElement(By.id("me-status")).sendKeys("In a meeting");
                    driver.findElement(By.cssSelector("#me-form button[type=submit]")).click();
                    Await.until("Dana sees our presence", WAIT, () -> presenceSeenBy(api, me).equals("dnd/In a meeting"));
                    chromium.screenshot(SCREENSHOTS.resolve("presence-1280.png"));
                    driver.navigate().refresh(); // a page loaded later shows what was chosen
                    wait.until(ExpectedConditions.attributeToBe(By.id("badge-chat"), "data-state", "online"));
                    wait.until(d -> "dnd".equals(d.findElement(By.id("me-show")).getAttribute("value")));
                    assertThat(driver.findElement(By.id("me-status")).getAttribute("value")).isEqualTo("In a meeting");

                    // a message from Dana rewrites her item only (its unread count); Zoé's item, and the keyboard
                    // focus on its Edit button, stay as they were
                    wait.until(d -> "open".equals(d.findElement(By.tagName("body")).getAttribute("data-events")));
                    WebElement zoeEdit = driver.findElement(renamed).findElement(By.cssSelector("button.edit"));
                    driver.executeScript("arguments[0].focus()", zoeEdit);
                    driver.executeScript(WATCH_LIST);
                    assertThat(api.command("chat", Map.of("to", me, "text", "Hi there")).ok()).isTrue();
                    wait.until(ExpectedConditions.attributeContains(
                            By.cssSelector("#contact-list li.contact[data-jid='" + dana + "'] button.contact-open"),
                            "aria-label", "1 unread"));
                    assertThat(driver.executeScript("return window.listChanges.items")).as("items rewritten")
                            .asList().containsExactly(dana);
                    assertThat(driver.executeScript("return window.listChanges.created + window.listChanges.dropped"))
                            .as("items created or dropped").isEqualTo(0L);
                    assertThat(driver.switchTo().activeElement()).as("the focus").isEqualTo(zoeEdit);
                }

                // remove (the dialog keeps the focus: Shift+Tab from its first field goes to its last button)
                driver.findElement(renamed).findElement(By.cssSelector("button.edit")).click();
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("edit-remove")));
                driver.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.SHIFT,
                        org.openqa.selenium.Keys.TAB));
                assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("edit-cancel");
                driver.findElement(By.id("edit-remove")).click();
                wait.until(ExpectedConditions.numberOfElementsToBe(
                        By.cssSelector("#contact-list li.contact[data-jid='" + zoe + "']"), 0));

                // settings: Call-Info privacy switched off with the keyboard, applied and saved in the user's config
                driver.findElement(By.id("tab-settings")).click();
                By callInfo = By.id("setting-sip-call-info");
                wait.until(ExpectedConditions.elementToBeClickable(callInfo));
                assertThat(driver.findElement(callInfo).isSelected()).isTrue();
                driver.findElement(callInfo).sendKeys(org.openqa.selenium.Keys.SPACE);
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live"), "saved"));
                assertThat(driver.findElement(callInfo).isSelected()).isFalse();
                assertThat(org.cusax.core.config.ConfigFile.read(conf).get("sip.call-info")).isEqualTo("false");
                chromium.screenshot(SCREENSHOTS.resolve("settings-1280.png"));
                try (CliProcess setting = CliProcess.start(ProcessHost.LOCAL, dir, "setting", // the same through the CLI
                        List.of("setting", "presence.on-the-phone", "false", "--json", "-c", conf.toString()))) {
                    assertThat(setting.awaitExit(STARTUP)).as(setting.output()).isZero();
                    assertThat(setting.output()).contains("\"applies\":\"now\"").contains("\"persisted\":true");
                }
                assertThat(org.cusax.core.config.ConfigFile.read(conf).get("presence.on-the-phone")).isEqualTo("false");
                chromium.resize(390, 844);
                chromium.screenshot(SCREENSHOTS.resolve("settings-390.png"));

                String storage = (String) driver.executeScript(
                        "return JSON.stringify(localStorage) + JSON.stringify(sessionStorage) + document.cookie");
                assertThat(driver.getPageSource()).doesNotContain(password);
                assertThat(storage).doesNotContain(password);
                assertThat(serve.output()).doesNotContain(password);
            }
        }
    }

    private static String presenceSeenBy(DaemonConnection api, String jid) {
        try {
            var r = api.command("contact", Map.of("jid", jid));
            if (!r.ok()) {
                return "";
            }
            Map<?, ?> presence = (Map<?, ?>) ((Map<?, ?>) r.data()).get("presence");
            return presence.get("availability") + "/" + presence.get("status");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A sandbox user of its own (XMPP and SIP), with an empty roster and a state directory of its own. */
    private Path user(Sandbox sandbox, String user, String password) throws java.io.IOException {
        sandbox.xmpp().addUser(user, password);
        sandbox.sip().addUser(user, password);
        Path passwordFile = dir.resolve(user + ".password");
        Files.writeString(passwordFile, password + "\n");
        Files.setPosixFilePermissions(passwordFile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        String demo = Files.readString(sandbox.demoUser().configFile());
        String text = demo.replace("xmpp.jid = demo@", "xmpp.jid = " + user + "@")
                .replace("sip.aor = sip:demo@", "sip.aor = sip:" + user + "@")
                .replaceAll("(?m)^(xmpp|sip)\\.password-file = .*$", "$1.password-file = " + passwordFile)
                .replaceAll("(?m)^contacts\\.cache-dir = .*$", "contacts.cache-dir = " + dir.resolve(user + "-contacts"))
                + "\ndaemon.state-dir = " + dir.resolve(user + "-state") + "\n";
        assertThat(text).contains("xmpp.jid = " + user + "@").contains("sip.aor = sip:" + user + "@");
        return Files.writeString(dir.resolve(user + ".conf"), text);
    }
}
