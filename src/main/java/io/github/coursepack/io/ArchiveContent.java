package io.github.coursepack.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.WeakHashMap;

/**
 * The files of an archive, by path, always in sorted order. Contents are bytes held in memory
 * (pages, manifests) or files on disk that are streamed when the archive is written (media).
 */
public final class ArchiveContent {

  /** One file of an archive. */
  public sealed interface Source permits Bytes, FileSource {
    InputStream open() throws IOException;

    long size() throws IOException;
  }

  /** Content held in memory. */
  public record Bytes(byte[] data) implements Source {
    @Override
    public InputStream open() {
      return new ByteArrayInputStream(data);
    }

    @Override
    public long size() {
      return data.length;
    }
  }

  /** Content streamed from a file when the archive is written. */
  public record FileSource(Path file) implements Source {
    @Override
    public InputStream open() throws IOException {
      return Files.newInputStream(file);
    }

    @Override
    public long size() throws IOException {
      return Files.size(file);
    }
  }

  private final SortedMap<String, Source> entries = new TreeMap<>();

  /** Adds a file; a path already present is a bug in the writer, not bad input. */
  public ArchiveContent add(String path, Source source) {
    checkPath(path);
    if (entries.putIfAbsent(path, source) != null) {
      throw new IllegalArgumentException("duplicate archive entry " + path);
    }
    return this;
  }

  public ArchiveContent add(String path, byte[] data) {
    return add(path, new Bytes(data));
  }

  public ArchiveContent add(String path, String utf8) {
    return add(path, utf8.getBytes(StandardCharsets.UTF_8));
  }

  public ArchiveContent add(String path, Path file) {
    return add(path, new FileSource(file));
  }

  public boolean contains(String path) {
    return entries.containsKey(path);
  }

  /** The entries, sorted by path. */
  public SortedMap<String, Source> entries() {
    return Collections.unmodifiableSortedMap(entries);
  }

  /**
   * A digest of everything that decides the bytes of an archive written from this content: each
   * path with its bytes, or for a file its absolute path, size and modification time (a file is not
   * read), and the entries' time. Equal fingerprints, same writer: same archive.
   */
  public String fingerprint(long epochSeconds) throws IOException {
    MessageDigest d = Digests.newSha256();
    d.update(Long.toString(epochSeconds).getBytes(StandardCharsets.UTF_8));
    for (Map.Entry<String, Source> e : entries.entrySet()) {
      d.update((byte) 0);
      d.update(e.getKey().getBytes(StandardCharsets.UTF_8));
      if (e.getValue() instanceof Bytes b) {
        d.update((byte) 1);
        d.update(Long.toString(b.data().length).getBytes(StandardCharsets.UTF_8));
        d.update((byte) 0);
        d.update(digestOf(b.data()));
      } else if (e.getValue() instanceof FileSource f) {
        Path file = f.file().toAbsolutePath().normalize();
        d.update((byte) 2);
        d.update(
            (file + "\0" + Files.size(file) + "\0" + Files.getLastModifiedTime(file))
                .getBytes(StandardCharsets.UTF_8));
      }
    }
    return HexFormat.of().formatHex(d.digest());
  }

  /**
   * Digests of the byte arrays that many archives share (the template's scripts, styles and fonts
   * go into every unit's packages of every format), by identity: each is hashed once per run
   * instead of once per archive. Weak keys, so that a unit's own pages do not stay in memory. An
   * array is never changed once it is in an archive's content, which makes the identity safe.
   */
  private static final Map<byte[], byte[]> SHARED_DIGESTS =
      Collections.synchronizedMap(new WeakHashMap<>());

  /** Below this size hashing again costs less than remembering. */
  private static final int SHARED_MIN = 4096;

  private static byte[] digestOf(byte[] data) {
    if (data.length < SHARED_MIN) {
      return Digests.newSha256().digest(data);
    }
    // Arrays do not override equals/hashCode: the map holds them by identity.
    return SHARED_DIGESTS.computeIfAbsent(data, k -> Digests.newSha256().digest(k));
  }

  /** Relative, forward-slash paths only: no {@code ..}, no leading slash, no empty segment. */
  static void checkPath(String path) {
    if (path.isEmpty()
        || path.startsWith("/")
        || path.endsWith("/")
        || path.contains("\\")
        || path.contains("//")) {
      throw new IllegalArgumentException("bad archive path: '" + path + "'");
    }
    for (String part : path.split("/")) {
      if (part.equals("..") || part.equals(".")) {
        throw new IllegalArgumentException("bad archive path: '" + path + "'");
      }
    }
  }
}
