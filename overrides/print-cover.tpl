<div class="mla-cover">
<p class="mla-cover__code">{{ config.extra.exam_code }}</p>
<h1 class="mla-cover__title">{{ config.site_name }}</h1>
<p class="mla-cover__subtitle">AWS Certified Machine Learning Engineer - Associate: chapters and practice workbook</p>
<p class="mla-cover__version">Version {{ config.extra.guide_version }} · built {{ config.extra.build_date }}</p>
<p class="mla-cover__note">Answer keys close each domain. Not affiliated with or endorsed by Amazon Web Services.</p>
</div>
