package dev.gophersite.loader;

import java.nio.file.Path;

/** Invalid content: names the file and line so the author can fix it. Nothing is written when this is thrown. */
public final class ContentException extends RuntimeException {
    private final Path file;
    private final int line;

    public ContentException(Path file, int line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }
}
