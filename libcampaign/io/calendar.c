/* The calendar the deadlines need: Gregorian days and weekdays, and the
 * holidays documents name (元旦 五一 国庆 on fixed days; 春节 端午 中秋 on
 * days of the Chinese calendar, from the generated table lunar_table.h,
 * 1990..2050; see docs/deadlines.md, "Holidays"). */
#include "io/io.h"
#include "io/lunar_table.h"

int cal_is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int cal_days_in_month(int y, int m)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m == 2 && cal_is_leap(y) ? 29 : days[m - 1];
}

/* Days since 1970-01-01 (H. Hinnant's days_from_civil). */
long cal_day_number(int y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void cal_from_day_number(long n, int *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp;

	n += 719468;
	era = (n >= 0 ? n : n - 146096) / 146097;
	doe = n - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

int cal_weekday(int y, int m, int d)
{
	long n = cal_day_number(y, m, d); /* 1970-01-01 was a Thursday (4) */
	return (int)(((n % 7) + 7 + 3) % 7) + 1;
}

int cal_holiday(enum cal_holiday h, int y, int *m, int *d)
{
	static const int fixed[][2] = {[H_NEW_YEAR] = {1, 1}, [H_LABOUR] = {5, 1}, [H_NATIONAL] = {10, 1}};
	long n;

	if (h == H_NEW_YEAR || h == H_LABOUR || h == H_NATIONAL) {
		*m = fixed[h][0];
		*d = fixed[h][1];
		return 0;
	}
	if (y < LUNAR_FIRST_YEAR || y > LUNAR_LAST_YEAR)
		return -1;
	if (h == H_LANTERN) { /* 正月十五: fourteen days after 正月初一 */
		n = cal_day_number(y, lunar_table[y - LUNAR_FIRST_YEAR][0][0], lunar_table[y - LUNAR_FIRST_YEAR][0][1]);
		cal_from_day_number(n + 14, &y, m, d);
		return 0;
	}
	*m = lunar_table[y - LUNAR_FIRST_YEAR][h == H_SPRING ? 0 : h == H_DRAGON ? 1 : 2][0];
	*d = lunar_table[y - LUNAR_FIRST_YEAR][h == H_SPRING ? 0 : h == H_DRAGON ? 1 : 2][1];
	return 0;
}
