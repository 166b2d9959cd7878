package dev.gophersite.project;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository root: the {@code repo.root} system property (set by the build), else the nearest parent with template.yaml. */
public final class Repo {
    private Repo() {}

    public static Path root() {
        String configured = System.getProperty("repo.root");
        if (configured != null && !configured.isBlank() && Files.exists(Path.of(configured, "template.yaml"))) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("template.yaml")) && Files.isDirectory(dir.resolve("content"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root (template.yaml and content/) from "
                + Path.of("").toAbsolutePath() + "; set -Drepo.root");
    }
}
