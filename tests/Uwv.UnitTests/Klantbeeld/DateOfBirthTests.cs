using System.Globalization;
using Grpc.Core;
using Uwv.Klantbeeld.Grpc;

namespace Uwv.UnitTests.Klantbeeld;

public sealed class DateOfBirthTests
{
    // 00:30 on 30 November in Amsterdam; the UTC date is still 29 November.
    private static readonly DateTimeOffset JustAfterAmsterdamMidnight = DateTimeOffset.Parse("2026-11-29T23:30:00Z", CultureInfo.InvariantCulture);

    [Fact]
    public void DateOfBirth_NotAfterToday_IsTheAmsterdamToday_SoAChildBornThereTodayIsAccepted() =>
        DateOfBirth.Parse("2026-11-30", Uwv.UnitTests.Calendar.TestCalendar.Office.DateOf(JustAfterAmsterdamMidnight)).ShouldBe(new DateOnly(2026, 11, 30));

    [Theory]
    [InlineData("2026-12-01")] // after the Amsterdam today
    [InlineData("1899-12-31")] // before the earliest date of birth
    [InlineData("30-11-2026")] // not yyyy-MM-dd
    public void DateOfBirth_BreakingTheRule_IsInvalidArgumentNamingDateOfBirth(string value)
    {
        var ex = Should.Throw<RpcException>(() => DateOfBirth.Parse(value, Uwv.UnitTests.Calendar.TestCalendar.Office.DateOf(JustAfterAmsterdamMidnight)));
        ex.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        ex.Status.Detail.ShouldStartWith("date_of_birth:");
    }
}
