package io.releasepilot.source;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The default ".*" rule leaves dot files out, but keeps the .rat-excludes the license-header checks read. */
class ExportRulesTest {

    @Test
    void theDefaultRuleKeepsTheTopLevelRatExcludesAndDropsOtherDotFiles() {
        ExportRules rules = ExportRules.defaults();
        assertThat(rules.excludes(".rat-excludes")).isFalse();
        assertThat(rules.excludes(".gitignore")).isTrue();
        assertThat(rules.excludes(".github/workflows/ci.yml")).isTrue();
        assertThat(rules.excludes("sub/.rat-excludes")).isTrue();
        assertThat(rules.excludes("src/Frob.java")).isFalse();
    }

    @Test
    void ratExcludesNamedExactlyIsLeftOut() {
        ExportRules rules = new ExportRules(List.of(".*", ".rat-excludes"), List.of(), true);
        assertThat(rules.excludes(".rat-excludes")).isTrue();
    }
}
