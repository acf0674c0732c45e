namespace Hospital.Integration.Hl7.Segments;

internal static class Hl7SegmentGuard
{
    public static Hl7Segment Expect(Hl7Segment segment, string id)
    {
        ArgumentNullException.ThrowIfNull(segment);
        return segment.Id == id ? segment : throw new ArgumentException($"expected a {id} segment, got {segment.Id}", nameof(segment));
    }
}
