package org.campaign;

/** The object exists already or a constraint is violated (CAMPAIGN_ECONFLICT). */
public class ConflictException extends CampaignException {
    private static final long serialVersionUID = 1L;

    public ConflictException(int code, String message, String file, int line, int column) {
        super(code, message, file, line, column);
    }
}
