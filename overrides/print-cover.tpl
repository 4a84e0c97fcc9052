<div class="mla-cover">
<p class="mla-cover__code">{{ config.extra.exam_code }}</p>
<h1 class="mla-cover__title">{{ config.site_name }}</h1>
<p class="mla-cover__subtitle">AWS Certified Machine Learning Engineer - Associate: chapters and practice workbook</p>
<p class="mla-cover__version">Version {{ config.extra.guide_version }} · built {{ config.extra.build_date }}</p>
<p class="mla-cover__note">Answer keys close each domain. Not affiliated with or endorsed by Amazon Web Services.</p>
{#- The practice pages are left out of print; links to them in the chapters land here (print-site's page keys). -#}
<p class="mla-cover__note" id="practice-mock-exam">The mock exam, Review and My progress need the website:
<a href="{{ config.site_url }}practice/mock-exam/">{{ config.site_url }}practice/mock-exam/</a><span id="practice-review"></span><span id="practice-progress"></span></p>
</div>
