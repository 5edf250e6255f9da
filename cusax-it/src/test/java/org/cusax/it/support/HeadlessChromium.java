package org.cusax.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.cusax.testbed.process.RunOwner;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium 4 through Debian's chromedriver, both named explicitly
 * (Selenium Manager never downloads a browser or a driver), with a throw-away profile in {@code dir}.
 */
public final class HeadlessChromium implements AutoCloseable {
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver driver;

    private HeadlessChromium(ChromeDriver driver) {
        this.driver = driver;
    }

    /** Starts Chromium with a window (viewport) of {@code width}×{@code height}. */
    public static HeadlessChromium start(Path dir, int width, int height) throws IOException {
        return start(dir, width, height, true);
    }

    /**
     * The same; {@code logCommands} false keeps chromedriver's log to warnings: a test that types a password into
     * the page would otherwise find it in that log (chromedriver logs every command with its arguments).
     */
    public static HeadlessChromium start(Path dir, int width, int height, boolean logCommands) throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("the browser tests need Debian's chromium and chromium-driver packages "
                    + "(./run-tests installs them): " + CHROMIUM + ", " + CHROMEDRIVER);
        }
        // a run directory of its own, owned by this JVM, and the testbed's marker in chromedriver's (and so
        // chromium's) environment: should this JVM die without closing the browser, the next testbed's
        // StaleRunReaper stops them (chromium's --user-data-dir lies in the directory)
        Path run = Files.createDirectories(dir.resolve("cusax-chromium"));
        RunOwner.current().claim(run);
        Path profile = Files.createDirectories(run.resolve("profile"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(dir.resolve("chromedriver.log").toFile())
                .withEnvironment(Map.of(RunOwner.ENV, RunOwner.current().format() + ":chromedriver"))
                .withLogLevel(logCommands ? org.openqa.selenium.chromium.ChromiumDriverLogLevel.INFO
                        : org.openqa.selenium.chromium.ChromiumDriverLogLevel.WARNING)
                .build();
        return new HeadlessChromium(new ChromeDriver(service, options));
    }

    public ChromeDriver driver() {
        return driver;
    }

    public WebDriverWait waiting(Duration limit) {
        return new WebDriverWait(driver, limit);
    }

    /** Sets the page area to {@code width}×{@code height} CSS pixels (a phone: 390×844). */
    public void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        Number innerW = (Number) driver.executeScript("return window.innerWidth");
        Number innerH = (Number) driver.executeScript("return window.innerHeight");
        driver.manage().window().setSize(new Dimension(2 * width - innerW.intValue(), 2 * height - innerH.intValue()));
    }

    /**
     * Replaces the page's Notification API by a recorder that is granted, and makes the page believe it is not
     * in front (headless Chromium shows no notification): what the page would show is then in {@link #notifications}.
     */
    public void recordNotifications() {
        driver.executeScript("window.__notes = []; document.hasFocus = () => false;"
                + "window.Notification = class { static get permission() { return 'granted'; }"
                + " constructor(title) { window.__notes.push(title); } close() {} };");
    }

    /** The titles of the notifications the page raised since {@link #recordNotifications}. */
    public java.util.List<String> notifications() {
        Object notes = driver.executeScript("return window.__notes || []");
        return ((java.util.List<?>) notes).stream().map(String::valueOf).toList();
    }

    /**
     * Holds back the page's answer to {@code command} by {@code millis} (the browser's own timer), so that the
     * events which follow the command over the WebSocket reach the page first: the order a loaded machine gives.
     */
    public void delayCommandAnswers(String command, int millis) {
        driver.executeScript("const f = window.fetch.bind(window);"
                + "window.fetch = (url, opts) => f(url, opts).then((r) => String(url).endsWith('/commands/' + arguments[0])"
                + " ? new Promise((ok) => setTimeout(() => { window.__heldBack = (window.__heldBack || 0) + 1; ok(r); },"
                + " arguments[1])) : r);", command, millis);
    }

    /** How many answers {@link #delayCommandAnswers} has held back and then delivered. */
    public long heldBackAnswers() {
        return ((Number) driver.executeScript("return window.__heldBack || 0")).longValue();
    }

    /** Saves a screenshot of the page as {@code file} (PNG). */
    public Path screenshot(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return file;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
