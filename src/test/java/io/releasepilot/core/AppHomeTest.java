package io.releasepilot.core;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AppHomeTest {

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource(textBlock = """
            # explicit,  env RELEASE_PILOT_HOME, XDG_CONFIG_HOME, APPDATA,       os,       expected
            /opt/rp,     /env/rp,                '',              '',            Linux,    /opt/rp
            '',          /env/rp,                /xdg,            '',            Linux,    /env/rp
            '',          '',                     /xdg,            '',            Linux,    /xdg/release-pilot
            '',          '',                     '',              '',            Linux,    /home/u/.config/release-pilot
            '',          '',                     '',              '',            Mac OS X, '/home/u/Library/Application Support/Release Pilot'
            '',          '',                     '',              /appdata,      Windows 11, '/appdata/Release Pilot'
            """)
    void resolvesTheHomeFolderInOrderOfPrecedence(String explicit, String envHome, String xdg, String appData,
                                                  String os, String expected) {
        Map<String, String> env = new HashMap<>();
        env.put(AppHome.ENV_VARIABLE, envHome);
        env.put("XDG_CONFIG_HOME", xdg);
        env.put("APPDATA", appData);
        AppHome home = AppHome.resolve(explicit.isEmpty() ? null : Path.of(explicit), env, os, Path.of("/home/u"));
        assertThat(home.dir()).isEqualTo(Path.of(expected).toAbsolutePath());
    }
}
