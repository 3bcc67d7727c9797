package io.releasepilot.gui.common;

/** Style-class names used by the views, and the stylesheet that defines them. */
public final class Styles {
    public static final String STYLESHEET = "/io/releasepilot/gui/app.css";

    public static final String TITLE = "rp-title";
    public static final String INTRO = "rp-intro";
    public static final String FIELD_ERROR = "rp-field-error";
    public static final String INVALID = "rp-invalid";
    public static final String PREVIEW = "rp-preview";
    public static final String PREVIEW_KEY = "rp-preview-key";
    public static final String PREVIEW_VALUE = "rp-preview-value";
    public static final String NEXT_HINT = "rp-next-hint";
    public static final String STEP_LIST = "rp-step-list";
    public static final String START = "rp-start";
    public static final String BIG_BUTTON = "rp-big-button";
    public static final String BANNER_OK = "rp-banner-ok";
    public static final String BANNER_FAIL = "rp-banner-fail";
    public static final String BANNER_WARN = "rp-banner-warn";
    public static final String DROP_ZONE = "rp-drop-zone";
    public static final String DROP_ZONE_ACTIVE = "rp-drop-zone-active";

    private Styles() {
    }
}
