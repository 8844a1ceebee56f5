package org.campaign;

/** The actor may not do this, or the store is read-only (CAMPAIGN_EPERM). */
public class PermissionException extends CampaignException {
    private static final long serialVersionUID = 1L;

    public PermissionException(int code, String message, String file, int line, int column) {
        super(code, message, file, line, column);
    }
}
