package org.campaign;

/** The store was written by a newer libcampaign (CAMPAIGN_EVERSION). */
public class VersionException extends CampaignException {
    private static final long serialVersionUID = 1L;

    public VersionException(int code, String message, String file, int line, int column) {
        super(code, message, file, line, column);
    }
}
