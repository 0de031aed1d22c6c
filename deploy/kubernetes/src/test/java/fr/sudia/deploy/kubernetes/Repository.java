package fr.sudia.deploy.kubernetes;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths of the repository this module lives in (deploy/kubernetes). */
final class Repository {

    static final Path ROOT = findRoot();
    static final Path KUBERNETES = ROOT.resolve("deploy/kubernetes");
    static final Path GATEWAY = ROOT.resolve("deploy/gateway");
    static final Path KEYCLOAK = ROOT.resolve("deploy/keycloak");

    private Repository() {
    }

    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("deploy/kubernetes/overlays"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("run from inside the repository: no deploy/kubernetes/overlays above "
                    + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
