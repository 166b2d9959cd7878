package dev.gophersite.loader;

import dev.gophersite.project.Repo;
import java.nio.file.Path;

final class TestPaths {
    private TestPaths() {}

    static Path content() {
        return Repo.root().resolve("content");
    }

    static Path seed() {
        return Repo.root().resolve("infra/loader/src/test/resources/seed/go-site.txt");
    }

    static Path template() {
        return Repo.root().resolve("template.yaml");
    }
}
