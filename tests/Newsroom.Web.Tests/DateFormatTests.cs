using Newsroom.DisplayManagement.Dates;

namespace Newsroom.Web.Tests;

public sealed class DateFormatTests
{
    private static readonly TimeZoneInfo s_kolkata = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");
    private static readonly TimeZoneInfo s_london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    // Written out by hand, not computed: the suffix of every day of a month.
    private static readonly string[] s_ordinals =
    [
        "1st", "2nd", "3rd", "4th", "5th", "6th", "7th", "8th", "9th", "10th",
        "11th", "12th", "13th", "14th", "15th", "16th", "17th", "18th", "19th", "20th",
        "21st", "22nd", "23rd", "24th", "25th", "26th", "27th", "28th", "29th", "30th", "31st",
    ];

    private static readonly string[] s_months =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    [Fact]
    public void The_seed_instant_reads_as_the_seed_page_does()
    {
        var published = new DateTime(2020, 10, 3, 7, 31, 0, DateTimeKind.Utc);

        NewsDateFormat.DateAndTime(published, s_kolkata).ShouldBe("October 3rd, 2020 at 13:01 IST");
        NewsDateFormat.Iso8601(published, s_kolkata).ShouldBe("2020-10-03T13:01:00+05:30");
    }

    [Fact]
    public void Every_day_of_a_leap_year_gets_its_English_ordinal()
    {
        var seen = 0;
        for (var day = new DateTime(2024, 1, 1, 6, 30, 0, DateTimeKind.Utc); day.Year == 2024; day = day.AddDays(1))
        {
            // 06:30 UTC is 12:00 IST: the same calendar day in Kolkata.
            var expected = $"{s_months[day.Month - 1]} {s_ordinals[day.Day - 1]}, 2024 at 12:00 IST";
            NewsDateFormat.DateAndTime(day, s_kolkata).ShouldBe(expected);
            seen++;
        }

        seen.ShouldBe(366);
    }

    [Theory]
    [InlineData(111, "111th")]
    [InlineData(101, "101st")]
    [InlineData(112, "112th")]
    [InlineData(122, "122nd")]
    public void Ordinals_past_a_hundred_follow_the_teens_rule(int number, string expected) =>
        NewsDateFormat.Ordinal(number).ShouldBe(expected);

    [Fact]
    public void Midnight_in_India_is_1830_UTC_the_day_before()
    {
        var before = new DateTime(2020, 12, 31, 18, 29, 0, DateTimeKind.Utc);
        var after = new DateTime(2020, 12, 31, 18, 31, 0, DateTimeKind.Utc);

        NewsDateFormat.DateAndTime(before, s_kolkata).ShouldBe("December 31st, 2020 at 23:59 IST");
        NewsDateFormat.DateAndTime(after, s_kolkata).ShouldBe("January 1st, 2021 at 00:01 IST");
        NewsDateFormat.DateOnly(after, s_kolkata).ShouldBe("January 1st, 2021");
        NewsDateFormat.Iso8601(after, s_kolkata).ShouldBe("2021-01-01T00:01:00+05:30");
    }

    [Fact]
    public void London_switches_between_GMT_and_BST_at_the_right_instants()
    {
        // BST began at 01:00 UTC on March 29th, 2020 and ended at 01:00 UTC on October 25th, 2020.
        NewsDateFormat.DateAndTime(new DateTime(2020, 3, 29, 0, 59, 0, DateTimeKind.Utc), s_london).ShouldBe("March 29th, 2020 at 00:59 GMT");
        NewsDateFormat.DateAndTime(new DateTime(2020, 3, 29, 1, 0, 0, DateTimeKind.Utc), s_london).ShouldBe("March 29th, 2020 at 02:00 BST");
        NewsDateFormat.Iso8601(new DateTime(2020, 3, 29, 1, 0, 0, DateTimeKind.Utc), s_london).ShouldBe("2020-03-29T02:00:00+01:00");
        NewsDateFormat.DateAndTime(new DateTime(2020, 10, 25, 0, 59, 0, DateTimeKind.Utc), s_london).ShouldBe("October 25th, 2020 at 01:59 BST");
        NewsDateFormat.DateAndTime(new DateTime(2020, 10, 25, 1, 0, 0, DateTimeKind.Utc), s_london).ShouldBe("October 25th, 2020 at 01:00 GMT");
        NewsDateFormat.Iso8601(new DateTime(2020, 12, 1, 9, 0, 0, DateTimeKind.Utc), s_london).ShouldBe("2020-12-01T09:00:00+00:00");
    }

    [Theory]
    [InlineData("America/New_York", 2020, 7, "EDT")]
    [InlineData("America/New_York", 2020, 1, "EST")]
    [InlineData("America/Los_Angeles", 2020, 7, "PDT")]
    [InlineData("Europe/Paris", 2020, 7, "CEST")]
    [InlineData("Europe/Berlin", 2020, 1, "CET")]
    [InlineData("Europe/Athens", 2020, 7, "EEST")]
    [InlineData("Asia/Tokyo", 2020, 7, "JST")]
    [InlineData("Australia/Sydney", 2020, 1, "AEDT")]
    [InlineData("Australia/Sydney", 2020, 7, "AEST")]
    [InlineData("UTC", 2020, 7, "UTC")]
    [InlineData("Asia/Kathmandu", 2020, 7, "UTC+05:45")]
    [InlineData("America/Sao_Paulo", 2020, 7, "UTC-03:00")]
    public void Zones_are_named_as_readers_know_them(string zoneId, int year, int month, string abbreviation)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        NewsDateFormat.DateAndTime(new DateTime(year, month, 15, 12, 0, 0, DateTimeKind.Utc), zone).ShouldEndWith(" " + abbreviation);
    }
}
