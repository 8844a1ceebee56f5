/* `campaign risk ...` */
#include "commands.h"

int cmd_risk(args *a)
{
	(void)a;
	return usage_error("risk: not available in this version%s", "");
}
