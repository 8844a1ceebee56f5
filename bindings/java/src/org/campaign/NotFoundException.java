package org.campaign;

/** The named object does not exist (CAMPAIGN_ENOTFOUND). */
public class NotFoundException extends CampaignException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(int code, String message, String file, int line, int column) {
        super(code, message, file, line, column);
    }
}
