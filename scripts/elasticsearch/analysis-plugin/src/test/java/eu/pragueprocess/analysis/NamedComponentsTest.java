package eu.pragueprocess.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.elasticsearch.plugin.NamedComponent;
import org.junit.jupiter.api.Test;

/**
 * named_components.json is written by hand (the installer's own scanner runs out of heap and
 * drops names shared by a filter and a tokenizer): it must list exactly the annotated classes.
 */
class NamedComponentsTest {

    static final Path JSON = Path.of("src/main/plugin/named_components.json");
    static final Pattern SECTION = Pattern.compile("\"([\\w.]+Factory)\"\\s*:\\s*\\{([^}]*)\\}");
    static final Pattern ENTRY = Pattern.compile("\"([\\w]+)\"\\s*:\\s*\"([\\w.]+)\"");

    static Map<String, String> listed() throws IOException {
        Map<String, String> byClass = new HashMap<>();
        Matcher section = SECTION.matcher(Files.readString(JSON));
        while (section.find()) {
            Matcher entry = ENTRY.matcher(section.group(2));
            while (entry.find()) {
                byClass.put(entry.group(2), section.group(1) + "/" + entry.group(1));
            }
        }
        return byClass;
    }

    static Map<String, String> annotated() throws Exception {
        Map<String, String> byClass = new HashMap<>();
        Path classes = Path.of(NamedComponentsTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .resolveSibling("classes");
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name);
                NamedComponent component = type.getAnnotation(NamedComponent.class);
                if (component == null) {
                    continue;
                }
                String extensible = Stream.of(type.getInterfaces())
                    .map(Class::getName)
                    .filter(n -> n.startsWith("org.elasticsearch.plugin.analysis."))
                    .findFirst()
                    .orElse("none");
                byClass.put(name, extensible + "/" + component.value());
            }
        }
        return byClass;
    }

    @Test
    void everyAnnotatedComponentIsListedUnderItsInterfaceAndName() throws Exception {
        Map<String, String> annotated = annotated();
        assertTrue(annotated.size() >= 6, "found " + annotated);
        assertEquals(annotated, listed());
    }
}
