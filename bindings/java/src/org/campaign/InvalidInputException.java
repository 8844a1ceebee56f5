package org.campaign;

/** A bad argument, plan file or deadline (CAMPAIGN_EINVALID). */
public class InvalidInputException extends CampaignException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(int code, String message, String file, int line, int column) {
        super(code, message, file, line, column);
    }
}
