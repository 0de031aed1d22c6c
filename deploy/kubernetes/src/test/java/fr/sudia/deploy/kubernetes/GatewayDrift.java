package fr.sudia.deploy.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The cluster's gateway must run the local gateway's configuration: the same files, byte for byte, at the
 * same relative paths, with only the entry file and the X.local.conf / X.cluster.conf pairs (upstreams, CORS
 * origins) differing.
 */
final class GatewayDrift {

    static final String CONFIG_DIR = "/etc/nginx/sudia";
    static final String LOCAL_ENTRY = "nginx.conf";
    static final String CLUSTER_ENTRY = "nginx.cluster.conf";
    /** Files of one side only: the local gateway's X.local.conf, the cluster's X.cluster.conf. */
    static final String LOCAL_SUFFIX = ".local.conf";
    static final String CLUSTER_SUFFIX = ".cluster.conf";
    private static final Pattern INCLUDE = Pattern.compile("(?m)^\\s*include\\s+([^;\\s]+)\\s*;");
    private static final Pattern UPSTREAM = Pattern.compile("(?m)^\\s*upstream\\s+(\\w+)\\s*\\{");
    private static final Pattern PROXY_PASS = Pattern.compile("proxy_pass\\s+http://(\\w+)");

    private GatewayDrift() {
    }

    /** The files the gateway container sees under CONFIG_DIR, by relative path, as the rendered manifests mount them. */
    static Map<String, String> clusterFiles(List<ObjectNode> documents, List<String> problems) {
        Map<String, String> files = new TreeMap<>();
        JsonNode pod = Manifests.find(documents, "Deployment", "gateway").orElseThrow().at("/spec/template/spec");
        JsonNode container = pod.path("containers").path(0);
        String volumeName = null;
        for (JsonNode mount : container.path("volumeMounts")) {
            if (mount.path("mountPath").asText().equals(CONFIG_DIR)) {
                volumeName = mount.path("name").asText();
            }
        }
        for (JsonNode volume : pod.path("volumes")) {
            if (!volume.path("name").asText().equals(volumeName)) {
                continue;
            }
            String configMapName = volume.at("/configMap/name").asText();
            JsonNode data = Manifests.find(documents, "ConfigMap", configMapName).orElseThrow(
                    () -> new IllegalStateException("no ConfigMap " + configMapName)).path("data");
            for (JsonNode item : volume.at("/configMap/items")) {
                JsonNode content = data.path(item.path("key").asText());
                if (content.isMissingNode()) {
                    problems.add("the gateway mounts key " + item.path("key").asText() + ", absent from " + configMapName);
                } else {
                    files.put(item.path("path").asText(), content.asText());
                }
            }
        }
        if (files.isEmpty()) {
            problems.add("the gateway container mounts no configuration at " + CONFIG_DIR);
        }
        return files;
    }

    static Map<String, String> localFiles() {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(Repository.GATEWAY)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                files.put(Repository.GATEWAY.relativize(path).toString(), Files.readString(path));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** The files an entry file includes, transitively, in the given tree; unresolved includes are problems. */
    static Set<String> includedFrom(String entry, Function<String, String> tree, String side, List<String> problems) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> pending = new ArrayList<>(List.of(entry));
        while (!pending.isEmpty()) {
            String file = pending.remove(0);
            if (!seen.add(file)) {
                continue;
            }
            String content = tree.apply(file);
            if (content == null) {
                problems.add(side + ": " + file + " is included but not there");
                continue;
            }
            Matcher include = INCLUDE.matcher(content);
            while (include.find()) {
                pending.add(include.group(1));
            }
        }
        return seen;
    }

    static List<String> problems(List<ObjectNode> documents) {
        List<String> problems = new ArrayList<>();
        Map<String, String> cluster = clusterFiles(documents, problems);
        Map<String, String> local = localFiles();
        Set<String> clusterIncludes = includedFrom(CLUSTER_ENTRY, cluster::get, "cluster", problems);
        Set<String> localIncludes = includedFrom(LOCAL_ENTRY, local::get, "local", problems);

        // Same bytes for every file mounted in the cluster.
        cluster.forEach((path, content) -> {
            String repositoryPath = path.endsWith(".js") ? "docs/" + path : path;
            if (!content.equals(local.get(repositoryPath))) {
                problems.add("cluster " + path + " differs from deploy/gateway/" + repositoryPath);
            }
        });
        // Same files included on both sides, but for each side's entry and its own X.local.conf / X.cluster.conf
        // (upstreams, CORS origins), which come in pairs.
        Set<String> sharedLocal = new TreeSet<>(localIncludes);
        sharedLocal.remove(LOCAL_ENTRY);
        sharedLocal.removeIf(f -> f.endsWith(LOCAL_SUFFIX));
        Set<String> sharedCluster = new TreeSet<>(clusterIncludes);
        sharedCluster.remove(CLUSTER_ENTRY);
        sharedCluster.removeIf(f -> f.endsWith(CLUSTER_SUFFIX));
        if (!sharedLocal.equals(sharedCluster)) {
            problems.add("the local gateway includes " + sharedLocal + " but the cluster's includes " + sharedCluster);
        }
        Set<String> localOwn = new TreeSet<>();
        localIncludes.stream().filter(f -> f.endsWith(LOCAL_SUFFIX))
                .forEach(f -> localOwn.add(f.substring(0, f.length() - LOCAL_SUFFIX.length())));
        Set<String> clusterOwn = new TreeSet<>();
        clusterIncludes.stream().filter(f -> f.endsWith(CLUSTER_SUFFIX) && !f.equals(CLUSTER_ENTRY))
                .forEach(f -> clusterOwn.add(f.substring(0, f.length() - CLUSTER_SUFFIX.length())));
        if (!localOwn.equals(clusterOwn)) {
            problems.add("each side has its own " + localOwn + " (local) but " + clusterOwn + " (cluster)");
        }
        // Every configuration file of deploy/gateway reaches the cluster, so a new snippet cannot be forgotten.
        local.keySet().stream().filter(p -> p.endsWith(".conf"))
                .filter(p -> !p.equals(LOCAL_ENTRY) && !p.endsWith(LOCAL_SUFFIX))
                .filter(p -> !cluster.containsKey(p))
                .forEach(p -> problems.add("deploy/gateway/" + p + " is not mounted in the cluster's gateway"));
        // The same upstream names, and every one the routes use is defined.
        Set<String> localUpstreams = names(UPSTREAM, local.getOrDefault("upstreams.local.conf", ""));
        Set<String> clusterUpstreams = names(UPSTREAM, cluster.getOrDefault("upstreams.cluster.conf", ""));
        if (!localUpstreams.equals(clusterUpstreams)) {
            problems.add("upstreams differ: local " + localUpstreams + ", cluster " + clusterUpstreams);
        }
        Set<String> used = names(PROXY_PASS, local.getOrDefault("routes.conf", ""));
        used.removeAll(clusterUpstreams);
        if (!used.isEmpty()) {
            problems.add("routes.conf proxies to upstreams the cluster does not define: " + used);
        }
        return problems;
    }

    private static Set<String> names(Pattern pattern, String content) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = pattern.matcher(content);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
