// TEMPORARY: stand-ins for the lead's AnalyserResultImport / SpecimenWorklist until they land on main; deleted at the merge.
using Hospital.Lis.Analysers;

namespace Hospital.Lis.Results
{
    public sealed class AnalyserResultImport
    {
        public Task<UploadOutcome> ImportAsync(AnalyserUpload upload, CancellationToken ct) => throw new NotImplementedException();
    }
}

namespace Hospital.Lis.Analysers
{
    public sealed class SpecimenWorklist
    {
        public Task<SpecimenWorkOrder?> ForAnalyserAsync(string analyser, string barcode, CancellationToken ct) => throw new NotImplementedException();
    }
}
