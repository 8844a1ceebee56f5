/* `campaign accountability ...` */
#include "commands.h"

int cmd_accountability(args *a)
{
	(void)a;
	return usage_error("accountability: not available in this version%s", "");
}
