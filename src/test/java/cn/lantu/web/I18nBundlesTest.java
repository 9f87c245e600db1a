package cn.lantu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every message bundle has its English twin with the same keys (in the style of spring-petclinic's
 * I18nPropertiesSyncTest): a key in {@code x.properties} but not in {@code x_en.properties} would show Chinese on
 * the English pages, a key only in {@code x_en.properties} would show the key on the Chinese ones. English values
 * hold no Chinese character, except where Chinese is meant: the language switch names Chinese in Chinese, and the
 * demo banner quotes the mark 演示数据 that the demo figures carry in the data and the downloads.
 */
class I18nBundlesTest {

    static final Path DIR = Path.of("src/main/resources/i18n");

    /** English values that are Chinese on purpose. */
    static final Set<String> CHINESE_ON_PURPOSE = Set.of("nav.language", "demo.banner");

    @Test
    void everyChineseBundleHasAnEnglishTwinWithTheSameKeys() throws IOException {
        List<Path> chinese = bundles();
        assertThat(chinese).as("bundles under %s", DIR).hasSizeGreaterThanOrEqualTo(3);
        for (Path zh : chinese) {
            Path en = zh.resolveSibling(zh.getFileName().toString().replace(".properties", "_en.properties"));
            assertThat(en).as("English twin of %s", zh).exists();
            Set<String> zhKeys = keys(zh), enKeys = keys(en);
            Set<String> missingInEn = new TreeSet<>(zhKeys);
            missingInEn.removeAll(enKeys);
            Set<String> missingInZh = new TreeSet<>(enKeys);
            missingInZh.removeAll(zhKeys);
            assertThat(missingInEn).as("keys of %s missing in %s", zh.getFileName(), en.getFileName()).isEmpty();
            assertThat(missingInZh).as("keys of %s missing in %s", en.getFileName(), zh.getFileName()).isEmpty();
        }
    }

    @Test
    void noEnglishBundleWithoutItsChineseOne() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path en : files.filter(f -> f.getFileName().toString().endsWith("_en.properties")).toList()) {
                assertThat(en.resolveSibling(en.getFileName().toString().replace("_en.properties", ".properties")))
                        .as("Chinese bundle of %s", en).exists();
            }
        }
    }

    @Test
    void englishValuesAreEnglish() throws IOException {
        for (Path zh : bundles()) {
            Path en = zh.resolveSibling(zh.getFileName().toString().replace(".properties", "_en.properties"));
            Properties p = load(en);
            Set<String> chinese = new TreeSet<>();
            for (String k : p.stringPropertyNames()) {
                if (!CHINESE_ON_PURPOSE.contains(k) && EnglishPagesDemoTest.CJK.matcher(p.getProperty(k)).find()) {
                    chinese.add(k + "=" + p.getProperty(k));
                }
            }
            assertThat(chinese).as("Chinese in %s", en.getFileName()).isEmpty();
        }
    }

    @Test
    void noDuplicateKeys() throws IOException {
        for (Path f : allBundles()) {
            Set<String> seen = new TreeSet<>(), dup = new TreeSet<>();
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#") || l.startsWith("!") || !l.contains("=")) {
                    continue;
                }
                String key = l.substring(0, l.indexOf('=')).strip();
                if (!seen.add(key)) {
                    dup.add(key);
                }
            }
            assertThat(dup).as("keys defined twice in %s (the last one wins)", f.getFileName()).isEmpty();
        }
    }

    private static List<Path> bundles() throws IOException {
        return allBundles().stream().filter(f -> !f.getFileName().toString().contains("_")).toList();
    }

    private static List<Path> allBundles() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".properties")).sorted().toList();
        }
    }

    private static Set<String> keys(Path f) throws IOException {
        return new TreeSet<>(load(f).stringPropertyNames());
    }

    private static Properties load(Path f) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }
}
