using Hospital.Domain.Catalog;

namespace Hospital.Web.Features.Catalogs;

/// <summary>National code lists the claim XML and patient records use: places, ethnicities, occupations, BHYT groups.</summary>
public static partial class CatalogDefinitions
{
    // Provinces comes before Communes: Communes' link reads it while this part initialises.
    public static CatalogDefinition<Province> Provinces { get; } = new("provinces", "Tỉnh, thành phố")
    {
        Source = "34 tỉnh, thành phố từ 01/07/2025, mã GSO 2 chữ số theo QĐ 19/2025/QĐ-TTg (MATINH_CU_TRU). " +
                 "Tệp có cả tỉnh và xã (admin_units_2025.csv) hãy nhập vào danh mục Xã, phường: tỉnh được cập nhật kèm.",
        CodeLength = 2,
        CodeColumns = ["province_code", "ma_tinh"],
        NameColumns = ["province_name", "ten_tinh"],
    };

    public static CatalogDefinition<Commune> Communes { get; } = new("communes", "Xã, phường, đặc khu")
    {
        Source = "Đơn vị hành chính cấp xã sau 01/07/2025, mã GSO 5 chữ số theo QĐ 19/2025/QĐ-TTg (MAXA_CU_TRU). " +
                 "Tệp có cột province_code và province_name (như admin_units_2025.csv) cũng cập nhật danh mục tỉnh.",
        CodeLength = 5,
        CodeColumns = ["commune_code", "ma_xa"],
        NameColumns = ["commune_name", "ten_xa"],
        Extra =
        [
            Fields<Commune>.Of("provinceCode", "Tỉnh, thành phố", FieldKinds.Province(), x => x.ProvinceCode, (x, v) => x.ProvinceCode = v,
                required: true, inList: true, columns: ["province_code", "ma_tinh"]),
            Fields<Commune>.Of("kind", "Loại", FieldKinds.Word("Xã", "Phường", "Đặc khu"), x => x.Kind, (x, v) => x.Kind = v,
                required: true, inList: true, columns: ["commune_type", "loai"]),
        ],
        Link = new CatalogLink(Provinces, ["province_code", "ma_tinh"], ["province_name", "ten_tinh"],
            (lookups, provinces) => lookups.WithProvinces(provinces)),
    };

    public static CatalogDefinition<Ethnicity> Ethnicities { get; } = new("ethnicities", "Dân tộc")
    {
        Source = "QĐ 121-TCTK/PPCĐ (MA_DANTOC): 54 dân tộc và các mã đặc biệt.",
        CodeLength = 3,
        CodeColumns = ["ma_dan_toc"],
        NameColumns = ["ten_dan_toc"],
        Extra =
        [
            Fields<Ethnicity>.Of("otherNames", "Tên gọi khác", FieldKinds.OptionalText(500), x => x.OtherNames, (x, v) => x.OtherNames = v,
                inList: true, columns: ["ten_goi_khac"]),
        ],
    };

    public static CatalogDefinition<Occupation> Occupations { get; } = new("occupations", "Nghề nghiệp")
    {
        Source = "QĐ 34/2020/QĐ-TTg (VSCO 2020); mã 5 chữ số dùng cho MA_NGHE_NGHIEP.",
        CodeLength = 5,
        CodeColumns = ["ma_nghe_nghiep"],
        NameColumns = ["ten_nghe_nghiep"],
        Extra =
        [
            Fields<Occupation>.Of("level", "Cấp", FieldKinds.Integer(1, 5), x => x.Level, (x, v) => x.Level = v,
                required: true, inList: true, columns: ["cap"]),
            Fields<Occupation>.Of("parentCode", "Mã cấp trên", FieldKinds.OptionalText(5), x => x.ParentCode, (x, v) => x.ParentCode = v,
                inList: true, columns: ["ma_cap_tren"]),
        ],
    };

    public static CatalogDefinition<BhytBeneficiaryGroup> BhytGroups { get; } = new("bhyt-groups", "Đối tượng thẻ BHYT")
    {
        Source = "Mã đối tượng (2 ký tự đầu thẻ BHYT) và mức hưởng theo QĐ 1351/QĐ-BHXH; ký tự thứ 3 in trên thẻ là căn cứ khi khác bảng này.",
        CodeLength = 2,
        NameLength = 1000,
        CodeColumns = ["ma_doi_tuong"],
        NameColumns = ["description", "mo_ta", "ten_doi_tuong"],
        Extra =
        [
            Fields<BhytBeneficiaryGroup>.Of("benefitLevel", "Mức hưởng", FieldKinds.Integer(1, 5), x => x.BenefitLevel,
                (x, v) => x.BenefitLevel = v, required: true, inList: true, columns: ["muc_huong"]),
        ],
    };
}
