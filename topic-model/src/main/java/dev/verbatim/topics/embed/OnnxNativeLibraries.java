package dev.verbatim.topics.embed;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.zip.CRC32;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps ONNX Runtime from littering the temp directory. Left alone, ONNX Runtime's Java binding
 * (1.20) extracts its native libraries into a fresh {@code /tmp/onnxruntime-java*} directory at
 * every start and leaves that directory behind at exit (its files and the directory are deleted
 * on exit in an order that fails for the directory): a daily job collects one empty directory a
 * run. Here the libraries are extracted once per library build into a cache directory and ONNX
 * Runtime is pointed at it through its {@code onnxruntime.native.path} system property, which it
 * documents for this purpose.
 *
 * <p>The cache directory is named by each library's size and CRC-32 as recorded in the jar, so an
 * upgrade gets a directory of its own; a cached file is checked against that CRC at each start
 * (about 20 ms), so a damaged one is written again instead of failing every run. Extraction writes a temporary
 * file and renames it, so concurrent first runs do not see half a library. If anything fails (an
 * unknown platform, libraries not in a jar, a read-only home) nothing is set and ONNX Runtime does
 * what it always did.
 */
public final class OnnxNativeLibraries {
  private static final Logger LOG = LoggerFactory.getLogger(OnnxNativeLibraries.class);
  /** ONNX Runtime's own property: the directory to load its native libraries from. */
  static final String PROPERTY = "onnxruntime.native.path";
  private static final String[] LIBRARIES = {"onnxruntime", "onnxruntime4j_jni"};
  private static boolean installed;

  private OnnxNativeLibraries() {}

  /**
   * Points ONNX Runtime at the cached libraries, extracting them on first use. Call before the
   * first ONNX model is made; a user's own {@code -Donnxruntime.native.path} wins.
   */
  public static synchronized void install() {
    if (installed || System.getProperty(PROPERTY) != null) {
      installed = true;
      return;
    }
    installed = true;
    try {
      Path root = cacheRoot();
      if (root != null) extract(root).ifPresent(dir -> System.setProperty(PROPERTY, dir.toString()));
    } catch (IOException | RuntimeException e) {
      LOG.debug("ONNX Runtime libraries not cached; it extracts them to the temp directory", e);
    }
  }

  /**
   * Extracts this platform's libraries under {@code root} unless they are already there.
   *
   * @return the directory holding them, or empty when the platform or the jar layout is unknown
   */
  static Optional<Path> extract(Path root) throws IOException {
    String platform = platform();
    if (platform == null) return Optional.empty();
    var entries = new ArrayList<Library>();
    StringBuilder key = new StringBuilder("onnxruntime-").append(platform);
    for (String name : LIBRARIES) {
      String file = fileName(name, platform);
      URL url = OnnxNativeLibraries.class.getClassLoader()
          .getResource("ai/onnxruntime/native/" + platform + "/" + file);
      if (url == null || !(url.openConnection() instanceof JarURLConnection jar)) {
        return Optional.empty();
      }
      JarEntry entry = jar.getJarEntry();
      if (entry.getSize() < 0 || entry.getCrc() < 0) return Optional.empty();
      entries.add(new Library(file, url, entry.getSize(), entry.getCrc()));
      key.append('-').append(Long.toHexString(entry.getCrc())).append(Long.toHexString(entry.getSize()));
    }
    Path dir = root.resolve(key.toString());
    Files.createDirectories(dir);
    for (Library lib : entries) {
      Path target = dir.resolve(lib.file());
      if (intact(target, lib)) continue; // a damaged copy (a crash, a full disk) is written again
      Path tmp = Files.createTempFile(dir, lib.file(), ".part");
      try (InputStream in = lib.url().openStream()) {
        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
          ch.force(true); // on disk before the rename makes it visible
        }
        if (!intact(tmp, lib)) throw new IOException("short read of " + lib.url());
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(tmp);
      }
    }
    return Optional.of(dir);
  }

  private record Library(String file, URL url, long size, long crc) {}

  /** Whether {@code file} holds exactly the library (size, then CRC-32: ~20 ms for 16 MB). */
  private static boolean intact(Path file, Library lib) throws IOException {
    if (!Files.isRegularFile(file) || Files.size(file) != lib.size()) return false;
    CRC32 crc = new CRC32();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[1 << 16];
      for (int r; (r = in.read(buf)) > 0; ) crc.update(buf, 0, r);
    }
    return crc.getValue() == lib.crc();
  }

  /** {@code $XDG_CACHE_HOME/verbatim}, else {@code ~/.cache/verbatim}; null without an absolute home. */
  private static @Nullable Path cacheRoot() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank()
        ? Path.of(xdg)
        : Path.of(System.getProperty("user.home", ""), ".cache");
    return base.isAbsolute() ? base.resolve("verbatim") : null; // e.g. a service user whose home is "?"
  }

  /** ONNX Runtime's name for this platform's folder in its jar, or null if it ships none. */
  static @Nullable String platform() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    String o = os.contains("mac") || os.contains("darwin") ? "osx"
        : os.contains("win") ? "win"
        : os.contains("nux") ? "linux" : null;
    String a = List.of("amd64", "x86_64", "x64").contains(arch) ? "x64"
        : arch.equals("aarch64") ? "aarch64" : null;
    return o == null || a == null ? null : o + "-" + a;
  }

  private static String fileName(String library, String platform) {
    if (platform.startsWith("win")) return library + ".dll";
    if (platform.startsWith("osx")) return "lib" + library + ".dylib";
    return "lib" + library + ".so";
  }
}
