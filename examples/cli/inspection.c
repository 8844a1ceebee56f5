/* `campaign inspection ...` */
#include "commands.h"

int cmd_inspection(args *a)
{
	(void)a;
	return usage_error("inspection: not available in this version%s", "");
}
