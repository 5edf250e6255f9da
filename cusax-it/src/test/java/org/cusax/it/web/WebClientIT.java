package org.cusax.it.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.cusax.app.remote.DaemonConnection;
import org.cusax.core.config.ClientConfig;
import org.cusax.core.config.ClientConfigLoader;
import org.cusax.core.config.ConfigFile;
import org.cusax.it.support.AudioFiles;
import org.cusax.it.support.Await;
import org.cusax.it.support.CliProcess;
import org.cusax.it.support.HeadlessChromium;
import org.cusax.it.support.NamespacePortBridge;
import org.cusax.it.support.NamespacedContactSeeder;
import org.cusax.it.support.NamespacedContactSeeder.Seed;
import org.cusax.testbed.TestUser;
import org.cusax.testbed.TestbedOptions;
import org.cusax.testbed.baresip.BaresipAccount;
import org.cusax.testbed.baresip.BaresipUa;
import org.cusax.testbed.netns.IsolatedHost;
import org.cusax.testbed.netns.IsolatedTestbedExtension;
import org.cusax.testbed.sip.SipTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 11 against real servers: the web client of {@code cusax serve} (a child JVM beside real Prosody and
 * Kamailio in an isolated network namespace; its port reached from this machine's Chromium through
 * {@link NamespacePortBridge}) signs in, shows both halves online; baresip calls from Bob's mobile number
 * (a number in Bob's vcard-temp, XEP-0054): the incoming-call panel names Bob, matched by phone number
 * (RFC 7081 §5); Answer (RFC 3261 200 OK / ACK, baresip's call established) and Hang up (BYE, baresip sees it
 * end); chat both ways with Bob's own cusax daemon (XEP-0198 acknowledged, received); baresip's next call,
 * cancelled before an answer, is a missed call in the history, and Call back reaches baresip again (it
 * answers by itself). The page,
 * the browser's storage and the daemon's output hold neither the password nor the API token. At 1280×800,
 * then at 390×844 with a second link from {@code cusax web-link}.
 */
class WebClientIT {
    @RegisterExtension
    static final IsolatedTestbedExtension TB = new IsolatedTestbedExtension(TestbedOptions.defaults());

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final String BOB_MOBILE = "+33612345678";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    Path dir;

    private TestUser web;
    private TestUser bob;
    private BaresipUa phone;
    private HeadlessChromium chromium;
    private DaemonConnection bobApi;

    @Test
    void signInAnswerBaresipChatWithBobAndCallBackAMissedCallAtBothWidths() throws Exception {
        web = TB.testbed().createUser("webreal");
        bob = TB.testbed().createUser("bobreal");
        TestUser bobMobile = TB.testbed().createPhoneUser(BOB_MOBILE);
        NamespacedContactSeeder.seed(TB.host(), TB.testbed(), web, List.of(new Seed(bob, "Bob Real",
                "<FN>Bob Real</FN><TEL><CELL/><VOICE/><NUMBER>+33 6 12 34 56 78</NUMBER></TEL>")));
        int webPort = NamespacePortBridge.freeLocalPort();
        int bobPort = NamespacePortBridge.freeLocalPort();
        Path webConf = config(web, webPort);
        Path bobConf = config(bob, bobPort);

        try (CliProcess serve = CliProcess.start(TB.host(), dir, "serve-web",
                List.of("serve", "--json", "-v", "-c", webConf.toString()));
             CliProcess bobServe = CliProcess.start(TB.host(), dir, "serve-bob",
                     List.of("serve", "--json", "-c", bobConf.toString()));
             NamespacePortBridge webBridge = NamespacePortBridge.open(TB.host(), webPort, dir, STARTUP);
             NamespacePortBridge bobBridge = NamespacePortBridge.open(TB.host(), bobPort, dir, STARTUP);
             BaresipUa baresip = baresip(bobMobile);
             HeadlessChromium browser = HeadlessChromium.start(dir, 1280, 800)) {
            phone = baresip;
            chromium = browser;
            try {
                var started = serve.await("daemon-started", STARTUP);
                bobServe.await("daemon-started", STARTUP);
                String page = started.path("page").asText();
                assertThat(page).isEqualTo("http://127.0.0.1:" + webPort + "/");
                String token = Files.readString(Path.of(started.path("tokenFile").asText())).strip();
                bobApi = DaemonConnection.find(load(bobConf)).orElseThrow();
                DaemonConnection webApi = DaemonConnection.find(load(webConf)).orElseThrow();
                ChromeDriver driver = chromium.driver();

                chromium.resize(1280, 800);
                signIn(started.path("signInLink").asText(), page);
                Await.until("Bob's mobile number read from his vCard", STARTUP,
                        () -> String.valueOf(command(webApi, "contact", Map.of("jid", bob.jid())).data()).contains(BOB_MOBILE));
                answerHangUpAndChat("1280", 1);

                String second;
                try (CliProcess webLink = CliProcess.start(TB.host(), dir, "web-link",
                        List.of("web-link", "--json", "-c", webConf.toString()))) {
                    assertThat(webLink.awaitExit(STARTUP)).as(webLink.output()).isZero();
                    second = webLink.await("web-link", WAIT).path("link").asText();
                }
                chromium.resize(390, 844);
                signIn(second, page);
                answerHangUpAndChat("390", 2);
                missedAndCalledBack("390", 3);

                String storage = (String) driver.executeScript(
                        "return JSON.stringify(localStorage) + JSON.stringify(sessionStorage) + document.cookie");
                for (String secret : List.of(token, web.password())) {
                    assertThat(driver.getPageSource()).doesNotContain(secret);
                    assertThat(storage).doesNotContain(secret);
                    assertThat(serve.output()).doesNotContain(secret);
                }
            } catch (AssertionError | RuntimeException e) {
                String log = serve.output();
                throw new AssertionError(e.getMessage() + "\n--- the daemon's output (last 8,000 characters) ---\n"
                        + log.substring(Math.max(0, log.length() - 8000)), e);
            }
        }
    }

    /** Opens a one-time link; the page shows both halves online and Bob with his Call button. */
    private void signIn(String link, String page) throws Exception {
        ChromeDriver driver = chromium.driver();
        driver.get(link);
        waiting(chromium, WAIT).until(ExpectedConditions.urlToBe(page));
        WebDriverWait slow = waiting(chromium, STARTUP);
        slow.until(ExpectedConditions.attributeToBe(By.id("badge-chat"), "data-state", "online"));
        slow.until(ExpectedConditions.attributeToBe(By.id("badge-telephony"), "data-state", "online"));
        slow.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                "#contact-list li.contact[data-jid='" + bob.jid() + "'] button.call")));
    }

    /**
     * baresip calls from Bob's mobile: the page binds it to Bob by tel (RFC 7081 §5); Answer (baresip's
     * {@code established}-th call established), Hang up (baresip sees our BYE); then chat both ways with Bob's
     * own daemon (acknowledged by Prosody, XEP-0198; in Bob's history; Bob's answer shown).
     */
    private void answerHangUpAndChat(String width, int established) throws Exception {
        ChromeDriver driver = chromium.driver();
        WebDriverWait wait = waiting(chromium, WAIT);
        shot("real-contacts", width);
        phone.dial(web.sipAor());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("incoming")));
        assertThat(driver.findElement(By.id("incoming-who")).getText()).isEqualTo("Bob Real");
        assertThat(driver.findElement(By.id("incoming-how")).getText()).isEqualTo(bob.jid() + ", matched by phone number");
        shot("real-incoming", width);
        driver.findElement(By.id("answer")).click();
        wait.until(ExpectedConditions.textToBe(By.id("incall-state"), "In call"));
        assertThat(phone.awaitEstablished(established, WAIT)).as("baresip's call established:\n%s", phone.logTail(30)).isTrue();
        wait.until(ExpectedConditions.textMatches(By.id("incall-timer"), java.util.regex.Pattern.compile("0:0[1-9]")));
        shot("real-answered", width);
        driver.findElement(By.id("hangup")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("incall")));
        assertThat(phone.awaitTerminated(established, WAIT)).as("baresip saw our BYE:\n%s", phone.logTail(30)).isTrue();

        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(
                "#contact-list li.contact[data-jid='" + bob.jid() + "'] .contact-open"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("chat-text")));
        String out = "hello Bob, from the browser at " + width + " px";
        driver.findElement(By.id("chat-text")).sendKeys(out, Keys.ENTER);
        wait.until(ExpectedConditions.textToBe(By.xpath("//ol[@id='timeline']/li[contains(@class,'out')][p[text()='"
                + out + "']]/span[@class='state']"), "acknowledged"));
        Await.until("Bob's client received the page's message", WAIT,
                () -> String.valueOf(command(bobApi, "history", Map.of("contact", web.jid())).data()).contains(out));
        String back = "hello from the client of Bob, " + width;
        chromium.recordNotifications();
        assertThat(command(bobApi, "chat", Map.of("to", web.jid(), "text", back)).ok()).isTrue();
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//ol[@id='timeline']/li[contains(@class,'in')]/p[text()='" + back + "']")));
        assertThat(chromium.notifications()).as("a browser notification for the message").contains("Message from Bob Real");
        shot("real-chat", width);
    }

    /** A call baresip cancels before the answer is missed in the history; Call back reaches baresip again. */
    private void missedAndCalledBack(String width, int established) throws Exception {
        ChromeDriver driver = chromium.driver();
        WebDriverWait wait = waiting(chromium, WAIT);
        phone.dial(web.sipAor());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("incoming")));
        phone.hangUp();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("incoming")));
        driver.findElement(By.id("tab-history")).click();
        By missed = By.cssSelector("#call-history li.missed");
        wait.until(ExpectedConditions.presenceOfElementLocated(missed));
        assertThat(driver.findElement(missed).getText()).contains("Bob Real").contains("Missed");
        shot("real-missed", width);
        driver.findElement(missed).findElement(By.cssSelector("button.call")).click();
        chooseMobileAndConfirm(driver, wait);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("incall")));
        assertThat(driver.findElement(By.id("incall-who")).getText()).isEqualTo("Bob Real");
        // baresip answers by itself (its account's answer mode): the call back is established there
        assertThat(phone.awaitEstablished(established, WAIT)).as("baresip took the call back:\n%s", phone.logTail(30)).isTrue();
        assertThat(phone.log()).contains("answering call on line 1 from " + web.sipAor());
        wait.until(ExpectedConditions.textToBe(By.id("incall-state"), "In call"));
        driver.findElement(By.id("hangup")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("incall")));
        driver.findElement(By.id("tab-contacts")).click();
    }

    /**
     * Call back dials the address that called (Bob's mobile); should the registry still ask which of Bob's
     * addresses, the mobile is chosen; a confirmation (a call leaving our service), if asked, is given.
     */
    private static void chooseMobileAndConfirm(ChromeDriver driver, WebDriverWait wait) {
        wait.until(ExpectedConditions.or(ExpectedConditions.visibilityOfElementLocated(By.id("incall")),
                ExpectedConditions.visibilityOfElementLocated(By.id("menu")),
                ExpectedConditions.visibilityOfElementLocated(By.id("confirm"))));
        if (driver.findElement(By.id("menu")).isDisplayed()) {
            List<org.openqa.selenium.WebElement> choices = driver.findElements(By.cssSelector("#menu-choices button"));
            choices.stream().filter(b -> b.getText().replace(" ", "").contains("612345678")).findFirst()
                    .orElseThrow(() -> new AssertionError("no choice for Bob's mobile among "
                            + choices.stream().map(org.openqa.selenium.WebElement::getText).toList())).click();
            wait.until(ExpectedConditions.or(ExpectedConditions.visibilityOfElementLocated(By.id("incall")),
                    ExpectedConditions.visibilityOfElementLocated(By.id("confirm"))));
        }
        if (driver.findElement(By.id("confirm")).isDisplayed()) {
            driver.findElement(By.id("confirm-call")).click();
        }
    }

    /**
     * Waits that say, when they fail, what the page last told the user (its status line) and the last entries of
     * the open chat's timeline (an outgoing message shows its state there: sending, sent, acknowledged, not sent).
     */
    private static WebDriverWait waiting(HeadlessChromium chromium, Duration limit) {
        WebDriverWait wait = chromium.waiting(limit);
        wait.withMessage(() -> {
            String says;
            try {
                says = "the page says: " + chromium.driver().findElement(By.id("live")).getText();
            } catch (RuntimeException e) {
                says = "no status line: " + e.getMessage();
            }
            try {
                List<String> entries = chromium.driver().findElements(By.cssSelector("#timeline li")).stream()
                        .map(org.openqa.selenium.WebElement::getText).map(t -> t.replace('\n', ' ')).toList();
                return says + "; timeline: " + entries.subList(Math.max(0, entries.size() - 3), entries.size());
            } catch (RuntimeException e) {
                return says;
            }
        });
        return wait;
    }

    private Path config(TestUser user, int port) throws Exception {
        Path conf = TB.testbed().writeClientConfig(user, SipTransport.TLS);
        Files.writeString(conf, "\ndaemon.state-dir = " + dir.resolve("state-" + user.name()) + "\ndaemon.port = " + port
                + "\ncontacts.cache-dir = " + dir.resolve("cache-" + user.name()) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        return conf;
    }

    private ClientConfig load(Path conf) {
        return new ClientConfigLoader(Map.of(), dir).load(ConfigFile.read(conf));
    }

    private BaresipUa baresip(TestUser line) throws Exception {
        Path tone = AudioFiles.tone(dir.resolve("baresip-tone.wav"), 600, Duration.ofSeconds(60));
        BaresipAccount account = new BaresipAccount(line.name(), TB.testbed().domain(), line.password(), SipTransport.TLS,
                TB.testbed().kamailio().host(), TB.testbed().kamailio().port(SipTransport.TLS), true);
        return BaresipUa.start(dir.resolve("baresip"), TB.host(), IsolatedHost.ADDRESS, account,
                TB.testbed().caCertificate(), tone, WAIT);
    }

    private static org.cusax.app.api.ApiResponse command(DaemonConnection api, String name, Map<String, Object> params) {
        try {
            return api.command(name, params);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void shot(String name, String width) throws java.io.IOException {
        chromium.driver().executeScript("window.scrollTo(0, 0)");
        chromium.screenshot(SCREENSHOTS.resolve(name + "-" + width + ".png"));
    }
}
