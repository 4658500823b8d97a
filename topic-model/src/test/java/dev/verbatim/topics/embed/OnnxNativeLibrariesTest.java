package dev.verbatim.topics.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxNativeLibrariesTest {

  @Test
  void extractsOnceIntoADirectoryNamedByTheLibraries(@TempDir Path root) throws Exception {
    assumeTrue(OnnxNativeLibraries.platform() != null, "ONNX Runtime ships no library for this platform");
    Path dir = OnnxNativeLibraries.extract(root).orElseThrow();
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.sorted().toList();
    }
    assertEquals(2, files.size(), "the runtime and its JNI bridge, no leftover .part files: " + files);
    for (Path f : files) {
      assertTrue(Files.size(f) > 10_000, f + " is a real library");
    }

    FileTime old = FileTime.fromMillis(1_000_000_000_000L);
    for (Path f : files) Files.setLastModifiedTime(f, old);
    assertEquals(dir, OnnxNativeLibraries.extract(root).orElseThrow(), "same build, same directory");
    for (Path f : files) {
      assertEquals(old, Files.getLastModifiedTime(f), f + " was not written again");
    }

    long size = Files.size(files.get(0));
    Files.write(files.get(0), new byte[] {1, 2, 3});
    OnnxNativeLibraries.extract(root);
    assertEquals(size, Files.size(files.get(0)), "a truncated library is replaced");
    Files.write(files.get(0), new byte[(int) size]); // zeros of the right size: a crash mid-write
    OnnxNativeLibraries.extract(root);
    byte[] head = Arrays.copyOf(Files.readAllBytes(files.get(0)), 4);
    assertTrue(head[1] != 0 || head[0] != 0, "a damaged library of the right size is replaced");
  }
}
