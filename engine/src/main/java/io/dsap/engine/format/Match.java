package io.dsap.engine.format;

/** How surely a format reads a file; detection takes the strongest. */
public enum Match {
  /** Not this format. */
  NONE,
  /** The content looks right (a guess: text formats without magic bytes). */
  CONTENT,
  /** The extension is this format's. */
  EXTENSION,
  /** The file starts with this format's magic bytes. */
  MAGIC
}
